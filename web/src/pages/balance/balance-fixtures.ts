// Answers of the balance API as the component tests' fake fetch gives them (shapes of src/shared/balance.ts).
import {
  BALANCE_INDICATORS,
  type BalanceResult,
  type CollectionFormView,
  type RoundDetail,
  type RoundView,
} from '@shared/balance.ts';
import { vi } from 'vitest';

/** The built-in seven-indicator form: pupils and the seven raw figures. */
export const balanceForm: CollectionFormView = {
  id: 1,
  code: 'balance-7',
  name: '义务教育优质均衡资源配置七项指标',
  builtin: true,
  staged: true,
  fields: [
    { key: 'pupils', label: '学生数', unit: '人', integer: true, min: 1, max: null, required: true },
    ...BALANCE_INDICATORS.map((i) => ({
      key: i.key,
      label: i.column,
      unit: i.rawUnit,
      integer: i.per === 100,
      min: 0,
      max: null,
      required: true,
    })),
  ],
};

/** An open round of the built-in form. */
export const openRound: RoundView = {
  id: 5,
  formId: 1,
  formName: balanceForm.name,
  balance: true,
  name: '2024年秋季学期',
  status: 'open',
  dueOn: '2024-10-31',
  openedAt: '2024-09-01T02:00:00.000Z',
  lockedAt: null,
  task: null,
  counts: { schools: 3, draft: 0, submitted: 1, returned: 0, accepted: 1 },
  summary: null,
};

/** 城关小学's figures of last spring. */
export const lastSpring = {
  pupils: 820,
  teachersAboveDegree: 40,
  backboneTeachers: 9,
  peArtTeachers: 8,
  buildingArea: 4100,
  sportsArea: 6600,
  equipmentValue: 1800000,
  multimediaRooms: 20,
};

/** The round as 城关小学 first opens it: nothing filed, last round's figures to start from. */
export const schoolDetail: RoundDetail = {
  round: openRound,
  form: balanceForm,
  rows: [],
  missing: [],
  actions: { fill: true, review: false, import: false, lock: false },
  prefill: [{ stage: 'primary', values: lastSpring, fromRound: '2024年春季学期' }],
};

/** The round as the bureau sees it: one school filed (待审核), one accepted, one missing. */
export const supervisorDetail: RoundDetail = {
  round: openRound,
  form: balanceForm,
  rows: [
    {
      id: 31,
      unitId: 9,
      unitName: '城关小学',
      stage: 'primary',
      values: lastSpring,
      status: 'submitted',
      returnReason: null,
      file: { id: 4, name: '城关小学统计表.pdf' },
      version: 2,
      submittedAt: '2024-10-08T02:00:00.000Z',
      reviewedAt: null,
    },
  ],
  missing: [{ unitId: 12, unitName: '石门教学点' }],
  actions: { fill: false, review: true, import: true, lock: true },
  prefill: [],
};

const values = (v: number[]) =>
  Object.fromEntries(
    BALANCE_INDICATORS.map((i, index) => [i.key, v[index] ?? 0]),
  ) as BalanceResult['schools'][number]['values'];

/** A county whose 初中 sports area varies too much (0.52 against 0.45) and one school short of 6/7. */
export function monitorResult(sportsCv = 0.52): BalanceResult {
  const junior = BALANCE_INDICATORS.map((i) => {
    const cv = i.key === 'sportsArea' ? sportsCv : 0.3;
    const pass = cv <= 0.45;
    return {
      key: i.key,
      name: i.name,
      mean: i.minimum.junior * 1.2,
      cv,
      threshold: 0.45,
      pass,
      over: pass ? 0 : Number((cv - 0.45).toFixed(2)),
      min: i.minimum.junior * 0.8,
      max: i.minimum.junior * 1.6,
      minimum: i.minimum.junior,
      belowMinimum: i.key === 'sportsArea' ? ['石门初中'] : [],
    };
  });
  const pass = sportsCv <= 0.45;
  return {
    stages: [{ stage: '初中', schools: 2, pupils: 1300, indicators: junior, pass }],
    schools: [
      {
        name: '城关中学',
        stage: '初中',
        pupils: 900,
        values: values([6, 1.2, 1, 6, 12, 2600, 2.5]),
        met: 7,
        pass: true,
        below: [],
        misses: [],
      },
      {
        name: '石门初中',
        stage: '初中',
        pupils: 400,
        values: values([5.5, 0.8, 1, 6, 8.5, 2600, 2.5]),
        met: 5,
        pass: false,
        below: ['backboneTeachers', 'sportsArea'],
        misses: [
          { key: 'backboneTeachers', value: 0.8, minimum: 1, share: 0.8 },
          { key: 'sportsArea', value: 8.5, minimum: 10.2, share: 0.8333 },
        ],
      },
    ],
    excluded: [{ name: '石门教学点', stage: '小学', pupils: 23, reason: '学生数少于50人的教学点' }],
    blockers: pass
      ? []
      : [
          {
            stage: '初中',
            key: 'sportsArea',
            cv: sportsCv,
            threshold: 0.45,
            over: Number((sportsCv - 0.45).toFixed(2)),
            text: `初中体育运动场馆面积差异系数${sportsCv.toFixed(2)}，超出${(sportsCv - 0.45).toFixed(2)}`,
          },
        ],
    pass: false,
  };
}

/** A recorded request of the fake fetch. */
export interface Sent {
  method: string;
  url: string;
  body: BodyInit | null | undefined;
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * Stubs fetch: each request is recorded and answered by the first route whose "METHOD path" the
 * request matches (an unknown address answers 404, so a test never passes on a call it did not expect).
 */
export function fakeApi(routes: Record<string, (sent: Sent) => Response>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request: Sent = { method: init?.method ?? 'GET', url: String(input), body: init?.body };
      sent.push(request);
      const answer = routes[`${request.method} ${request.url}`];
      return answer ? answer(request) : json({ error: { code: 'NOT_FOUND', message: '未找到' } }, 404);
    }),
  );
  return sent;
}
