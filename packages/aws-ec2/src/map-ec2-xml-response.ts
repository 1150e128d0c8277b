import type { HttpResponse } from "@polycloud/core";
import { parseEc2Xml } from "./parse-aws-ec2-response.js";

/**
 * Core's response handler reads JSON: an XML answer is handed to it as the equivalent plain objects. Anything
 * else (a proxy's HTML page, a truncated body) is passed as is, so its excerpt shows what really came back.
 * @internal
 */
export function mapEc2XmlResponse(response: HttpResponse): HttpResponse {
  const contentType = response.headers["content-type"];
  if (contentType === undefined ? !response.body.trimStart().startsWith("<") : !/xml/i.test(contentType))
    return response;
  const xml = parseEc2Xml(response.body);
  return xml === undefined
    ? response
    : {
        status: response.status,
        headers: { ...response.headers, "content-type": "application/json" },
        body: JSON.stringify(xml),
      };
}
