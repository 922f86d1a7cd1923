import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ledger as t } from '../../i18n/ledger.ts';

// The import dialog (its tables and upload) loads only when a supervisor opens it.
const ImportDecompositionModal = lazy(() =>
  import('./ImportDecompositionModal.tsx').then((m) => ({ default: m.ImportDecompositionModal })),
);

/**
 * 导出台账 for everyone who reads the plan (the file holds what they may see; a plain link, so the
 * session cookie authorises the download) and 导入任务分解 for supervisors.
 */
export function LedgerButtons({ planId, canImport }: { planId: number; canImport: boolean }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        href={`/api/plans/${planId}/ledger.xlsx`}
        download
        title={t.exportTitle}
      >
        {t.exportButton}
      </Button>
      {canImport ? (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t.importButton}
          </Button>
          {importing ? (
            <Suspense fallback={null}>
              <ImportDecompositionModal
                planId={planId}
                open={importing}
                onClose={() => setImporting(false)}
              />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </>
  );
}
