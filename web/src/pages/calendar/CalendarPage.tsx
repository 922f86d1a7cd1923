import type { CalendarYearView } from '@shared/calendar.ts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { calendar as t } from '../../i18n/calendar.ts';
import { CalendarDaysCard } from './CalendarDaysCard.tsx';
import { DueDatesCard } from './DueDatesCard.tsx';
import { SchoolCalendarCard } from './SchoolCalendarCard.tsx';

/** The query key of a year of the calendar. */
export const calendarKey = (year: number) => ['calendar', year] as const;

/** /calendar: holidays and swapped working days, the school calendar and the year's report due dates. */
export default function CalendarPage() {
  const me = useCurrentUser();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const view = useQuery({
    queryKey: calendarKey(year),
    queryFn: () => apiGet<CalendarYearView>('/api/calendar', { year: String(year) }),
  });
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return (
    <PageContainer
      title={t.title}
      subtitle={t.subtitle}
      extra={
        <Select
          aria-label={t.year}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t.yearSuffix(y) }))}
        />
      }
    >
      <ApiErrorAlert error={view.error} style={{ marginBottom: 12 }} />
      {view.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={13}>
            <CalendarDaysCard view={view.data} editable={can(me, 'calendar.edit')} />
          </Col>
          <Col xs={24} xl={11}>
            <DueDatesCard view={view.data} />
          </Col>
          <Col xs={24}>
            <SchoolCalendarCard view={view.data} editable={can(me, 'schoolCalendar.edit')} />
          </Col>
        </Row>
      ) : view.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
    </PageContainer>
  );
}
