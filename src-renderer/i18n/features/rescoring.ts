/** The background rescore's strings (en and zh-CN, the same keys); spread into en.ts / zh-CN.ts under `rescoring`. */
export const rescoringEn = {
  reading: 'Scoring the book: reading the orders and inquiries…',
  scoring_one: 'Scoring the book: {{done}} of {{total}} account…',
  scoring_other: 'Scoring the book: {{done}} of {{total}} accounts…',
  writing: 'Scoring the book: saving the scores…',
  first: 'This book has not been scored yet: Tradebook is scoring it in the background. You can keep working.',
  label: 'Scoring progress',
  cancel: 'Stop scoring',
  failed: 'Scoring stopped before it was done; nothing was changed. ({{message}})',
  retry: 'Score again',
  done_one: 'Scored {{count}} account.',
  done_other: 'Scored {{count}} accounts.',
};

export const rescoringZhCN: typeof rescoringEn = {
  reading: '正在评分：读取订单和询盘…',
  scoring_one: '正在评分：{{done}} / {{total}} 个客户…',
  scoring_other: '正在评分：{{done}} / {{total}} 个客户…',
  writing: '正在评分：保存评分…',
  first: '这个客户库还没有评分：Tradebook 正在后台评分，您可以继续工作。',
  label: '评分进度',
  cancel: '停止评分',
  failed: '评分未完成就停止了，没有做任何修改。（{{message}}）',
  retry: '重新评分',
  done_one: '已为 {{count}} 个客户评分。',
  done_other: '已为 {{count}} 个客户评分。',
};
