/** Grading an estimate by its ratio to the true answer: within 10 % excellent, within 2x pass, else a miss. Pure. */
export type DrillGrade = 'excellent' | 'pass' | 'miss';

export const EXCELLENT_WITHIN = 1.1;
export const PASS_WITHIN = 2;

/** `given / answer`, and the grade of how far that is from 1 in either direction. */
export function gradeEstimate(given: number, answer: number): { ratio: number; grade: DrillGrade } {
  const ratio = given / answer;
  const off = Math.max(ratio, 1 / ratio);
  return { ratio, grade: off <= EXCELLENT_WITHIN ? 'excellent' : off <= PASS_WITHIN ? 'pass' : 'miss' };
}
