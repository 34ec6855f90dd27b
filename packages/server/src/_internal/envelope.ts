// cfssl api.Response: `{"success","result","errors","messages"}` written as Go's json.Encoder and http.Error do.
import type { ServerResponse } from 'node:http';
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';
import { RawJson } from './raw-json.js';

/** cfssl api.ResponseMessage. */
export interface ResponseMessage {
  code: number;
  message: string;
}

const message = (m: ResponseMessage) => goStruct({ code: m.code, message: m.message });

/** The body of a success (json.Encoder: HTML-escaped, one trailing newline). */
export function successBody(result: unknown, messages: readonly ResponseMessage[] = []): string {
  const resultJson = result instanceof RawJson ? result.json : marshalGoJson(result);
  const messagesJson = marshalGoJson(messages.map(message));
  return `{"success":true,"result":${resultJson},"errors":[],"messages":${messagesJson}}\n`;
}

/** The body of a failure (json.Marshal then http.Error's Fprintln). */
export function errorBody(code: number, text: string): string {
  return `${marshalGoJson(goStruct({ success: false, result: null, errors: [message({ code, message: text })], messages: [] }))}\n`;
}

// net/http buffers 2048 bytes: a smaller whole response gets a Content-Length, a larger one is chunked.
const GO_BUFFER = 2048;

/** Write `body` with `status` and `headers`, as net/http does (Content-Length up to 2048 bytes, else chunked). */
export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (bytes.length <= GO_BUFFER) {
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
    return;
  }
  // Written before the end: node sends it chunked, as net/http does past its buffer.
  res.write(bytes);
  res.end();
}

/** api.SendResponse: 200, application/json. */
export function sendSuccess(res: ServerResponse, body: string): void {
  send(res, 200, { 'Content-Type': 'application/json' }, body);
}

/** net/http Error: text/plain, nosniff, the text plus a newline. */
export function sendHttpError(res: ServerResponse, status: number, text: string): void {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, text);
}
