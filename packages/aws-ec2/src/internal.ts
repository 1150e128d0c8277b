// @polycloud/aws-ec2/internal: the adapter's implementation, exported for tools and tests (signer checks,
// benchmarks, error-table checks). No compatibility promise: anything here may change in any release. Users
// want the main entry (`@polycloud/aws-ec2`) or the DI entry (`@polycloud/aws-ec2/di`).
export {
  resolveAwsEc2Credentials,
  type ResolveAwsEc2CredentialsInput,
  type ResolvedAwsEc2Credentials,
} from "./resolve-aws-ec2-credentials.js";
export {
  EC2_CONTENT_TYPE,
  encodeEc2QueryBody,
  signAwsEc2Request,
  signSigV4,
  type AwsSigningCredentials,
  type SigV4Scope,
} from "./sign-aws-ec2-request.js";
export { AWS_EC2_ERROR_MAP, AWS_EC2_RESPONSES, mapAwsEc2ErrorCode } from "./map-aws-ec2-error.js";
export {
  mapAddressToAllocatedIp,
  parseEc2Xml,
  readTag,
  type Ec2Address,
  type Ec2Instance,
} from "./parse-aws-ec2-response.js";
