/**
 * Shapes of the proofnb history API (served by proofnb.server under
 * `{baseUrl}proofnb/api/`). They mirror `ProofResult.to_dict()` on the Python side.
 */

/** A proof's overall verdict. */
export type Verdict = 'accepted' | 'review' | 'rejected';

/** One row of `GET proofs`. */
export interface IProofSummary {
  id: number | string;
  created: string;
  title: string;
  first_line: string;
  conclusion: string;
  notebook: string | null;
  verdict: Verdict;
  flags: string[];
  step_count: number;
  refuted_count: number;
}

/** A page of `GET proofs`. */
export interface IProofPage {
  items: IProofSummary[];
  total: number;
  skip: number;
  limit: number;
  next: string | null;
}

/** A concrete witness that a step fails. */
export interface ICounterexample {
  kind: string;
  point: { [name: string]: string };
  lhs_value: string | null;
  rhs_value: string | null;
  text: string;
}

/** The verdict on one step. */
export interface IStep {
  index: number;
  relation: string;
  lhs: string;
  rhs: string;
  lhs_latex: string;
  rhs_latex: string;
  status: string;
  method: string;
  seconds: number;
  counterexample: ICounterexample | null;
  notes: string[];
  message: string;
  line: number;
  flags: string[];
}

/** A whole stored proof: `GET proofs/<id>`. */
export interface IProof {
  id: number | string;
  created: string;
  notebook: string | null;
  text: string;
  title: string;
  verdict: Verdict;
  flags: string[];
  conclusion: string;
  assume: string[];
  domain: string;
  message?: string;
  steps: IStep[];
}

/** The query the history table sends. */
export interface IProofQuery {
  skip: number;
  limit: number;
  verdict: Verdict | '';
  q: string;
}
