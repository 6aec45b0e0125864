/**
 * Account scoring (R10–R14, R16): pure TypeScript. The service computes each account's facts set-based in SQL
 * (services/scoring.ts); this turns them into scores, reasons and explanations.
 */
export * from './account-score';
export * from './calendar';
export * from './churn';
export * from './curves';
export * from './facts';
export * from './health';
export * from './inquiry-quality';
export * from './loyalty';
export * from './reasons';
export * from './reviews';
export * from './rfm';
export * from './value';
export * from './windows';
export * from './codec';
