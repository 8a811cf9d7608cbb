/** The messages between the Library and its parse worker (parse-worker.ts). */
import type { ParseResult } from '../../../shared/import/result';

export interface ParseRequest {
  id: number;
  name: string;
  text: string;
}

export interface ParseResponse {
  id: number;
  result: ParseResult;
}
