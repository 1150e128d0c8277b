import { AlibabaApiError, missingParameter } from "./alibaba-envelope.js";
import { buildV1StringToSign, signV1 } from "./sign-v1.js";
import {
  equalSecrets,
  findActiveAccount,
  signatureMismatch,
  verifySecurityToken,
  readTimestamp,
  type VerificationContext,
  type VerifiedCaller,
} from "./verify-credentials.js";

/**
 * Verifies a V1 (`HMAC-SHA1`, RPC) request: every parameter from the query and form body except `Signature`
 * is signed, with the HTTP method actually used (the timestamp's window is checked by the caller). Throws the cloud's error on any failure.
 */
export function verifyV1Request(
  method: string,
  pairs: ReadonlyArray<readonly [string, string]>,
  params: Readonly<Record<string, string>>,
  context: VerificationContext,
): VerifiedCaller {
  const accessKeyId = params["AccessKeyId"];
  if (accessKeyId === undefined || accessKeyId === "") throw missingParameter("AccessKeyId");
  const signature = params["Signature"];
  if (signature === undefined || signature === "") throw new AlibabaApiError("IncompleteSignature");
  const signatureMethod = params["SignatureMethod"];
  if (signatureMethod === undefined || signatureMethod === "") throw missingParameter("SignatureMethod");
  if (signatureMethod !== "HMAC-SHA1") {
    throw new AlibabaApiError(
      "InvalidSignatureMethod",
      `Specified signature method "${signatureMethod}" is not valid.`,
    );
  }
  if (params["SignatureVersion"] !== "1.0") {
    throw new AlibabaApiError(
      "IncompleteSignature",
      'The request signature does not conform to Aliyun standards: "SignatureVersion" must be 1.0.',
    );
  }
  const nonce = params["SignatureNonce"];
  if (nonce === undefined || nonce === "") throw missingParameter("SignatureNonce");
  const timestamp = readTimestamp(params["Timestamp"], "Timestamp");
  const account = findActiveAccount(accessKeyId, context);
  const stringToSign = buildV1StringToSign(method, pairs);
  if (!equalSecrets(signature, signV1(stringToSign, account.accessKeySecret))) {
    throw signatureMismatch(buildV1StringToSign(method, maskSecurityToken(pairs)));
  }
  verifySecurityToken(account, params["SecurityToken"], context.nowMs);
  return { accessKeyId, nonce, timestamp };
}

/** The string to sign quoted back in errors must not repeat the STS token. */
function maskSecurityToken(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return pairs.map(([key, value]): [string, string] => [key, key === "SecurityToken" ? "******" : value]);
}
