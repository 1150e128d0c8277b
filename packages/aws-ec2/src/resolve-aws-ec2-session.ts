import { checkResolvedCredentials, createRedactor, type Redactor } from "@polycloud/core";
import { AWS_EC2_PROVIDER } from "./aws-ec2-settings.js";
import {
  resolveAwsEc2Credentials,
  type ResolveAwsEc2CredentialsInput,
  type ResolvedAwsEc2Credentials,
} from "./resolve-aws-ec2-credentials.js";

/** Credentials the client signs with, and the redactor masking them. @internal */
export interface AwsEc2Session {
  credentials: ResolvedAwsEc2Credentials;
  redactor: Redactor;
}

/**
 * Runs the credential chain once, checks what it answered (the operation that needed it names the failure) and
 * builds the redactor of the secret key and session token. The client memoises the session.
 * @internal
 */
export function resolveAwsEc2Session(
  input: ResolveAwsEc2CredentialsInput & { operation: string },
): Promise<AwsEc2Session> {
  return resolveAwsEc2Credentials(input).then((credentials) => {
    const { accessKeyId, secretAccessKey, sessionToken, source } = credentials;
    checkResolvedCredentials(
      { accessKeyId, secretAccessKey, sessionToken },
      { provider: AWS_EC2_PROVIDER, operation: input.operation, source },
    );
    return { credentials, redactor: createRedactor([secretAccessKey, sessionToken]) };
  });
}
