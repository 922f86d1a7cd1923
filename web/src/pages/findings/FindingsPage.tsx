import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer.tsx';
import { findings as t } from '../../i18n/findings.ts';
import { InspectionTab } from './InspectionTab.tsx';
import { RegisterTab } from './RegisterTab.tsx';

/** 问题整改: the findings register and the monthly inspections, one tab each (?tab=inspections). */
export default function FindingsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'inspections' ? 'inspections' : 'register';
  return (
    <PageContainer title={t.title} subtitle={t.subtitle}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'register' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'register', label: t.tabs.register, children: <RegisterTab /> },
          { key: 'inspections', label: t.tabs.inspections, children: <InspectionTab /> },
        ]}
      />
    </PageContainer>
  );
}
