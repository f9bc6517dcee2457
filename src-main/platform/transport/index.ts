export { createAccessToken, tokenMatches } from './access-token';
export { checkRequest, loopbackHosts, type GuardConfig } from './request-guard';
export { parseRequestTarget, type RequestTarget } from './request-target';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, resolveStaticPath, sendStatic } from './static-files';
export { WsTransport } from './ws-transport';
