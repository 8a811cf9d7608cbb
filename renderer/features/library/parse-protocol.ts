/** The messages between the Library and its parse worker (parse-worker.ts). */
import type { ParseOptions, ParseResult } from '../../../shared/import/result';

export interface ParseRequest {
  id: number;
  name: string;
  text: string;
  options?: ParseOptions;
}

export interface ParseResponse {
  id: number;
  result: ParseResult;
}
