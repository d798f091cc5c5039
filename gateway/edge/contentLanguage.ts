/**
 * HTTP caching by language. Answers differ by the request's `Accept-Language`
 * (runtime/language.ts negotiates it to English or French), so every /graphql
 * answer says `Vary: Accept-Language`, appended to whatever else varies (CORS
 * adds `Origin`), and a shared cache or CDN keeps one copy per language header.
 * `Content-Language` names the negotiated language; a field given an explicit
 * `lang` argument, or falling back to the other language, may still differ.
 */
import type { RequestHandler } from 'express';
import { languageTag, requestLanguage } from '../../runtime/language.js';

export function contentLanguage(): RequestHandler {
  return (req, res, next) => {
    res.vary('Accept-Language');
    res.setHeader('Content-Language', languageTag[requestLanguage(req.headers)]);
    next();
  };
}
