/** The version the API (OpenAPI, MCP) reports. */
export const APP_VERSION = '0.1.0';
