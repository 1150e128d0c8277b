import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { IpAllocatorError } from "@polycloud/core";
import { z } from "zod";
import { AWS_EC2_PROVIDER, type AwsCredentialProvider, type AwsCredentials } from "./aws-ec2-settings.js";

/** Environment variables of the credential chain (the AWS CLI's and SDKs' names). @public */
export const AWS_CREDENTIAL_ENVIRONMENT = {
  accessKeyId: "AWS_ACCESS_KEY_ID",
  secretAccessKey: "AWS_SECRET_ACCESS_KEY",
  sessionToken: "AWS_SESSION_TOKEN",
  profile: "AWS_PROFILE",
  credentialsFile: "AWS_SHARED_CREDENTIALS_FILE",
} as const;

/** Inputs of {@link resolveAwsEc2Credentials}. @public */
export interface ResolveAwsEc2CredentialsInput {
  /** Static credentials or a credential provider function (the `credentials` setting); they win over everything. */
  credentials?: AwsCredentials | AwsCredentialProvider;
  /** The `profile` setting; overrides `AWS_PROFILE`. */
  profile?: string;
  /** Environment to read (`HOME` locates `~/.aws/credentials`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Operation that needed the credentials, for the error. */
  operation?: string;
}

/** Credentials and where they came from (a description, never a value). @public */
export interface ResolvedAwsEc2Credentials extends AwsCredentials {
  source: string;
}

const ProviderResultSchema = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1).optional(),
  expiration: z.date().optional(),
});

/**
 * Resolves credentials: the `credentials` setting (static, or a provider function such as
 * `fromNodeProviderChain()` of `@aws-sdk/credential-providers`, called each time they are needed anew) →
 * `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`) → the shared credentials file
 * (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`), profile from the settings, `AWS_PROFILE` or
 * `default`. As in the AWS SDKs, a chosen profile (setting or `AWS_PROFILE`) wins over the environment's keys.
 * @throws {IpAllocatorError} UNAUTHENTICATED naming what was looked for; never a value.
 * @public
 */
export async function resolveAwsEc2Credentials(
  input: ResolveAwsEc2CredentialsInput,
): Promise<ResolvedAwsEc2Credentials> {
  const { credentials, env } = input;
  if (typeof credentials === "function") return callProvider(credentials, input);
  if (credentials !== undefined) return { ...credentials, source: "settings" };
  const names = AWS_CREDENTIAL_ENVIRONMENT;
  const lookedFor = ["settings.credentials"];
  const profile = input.profile ?? nonEmpty(env[names.profile]);
  if (profile === undefined) {
    const accessKeyId = nonEmpty(env[names.accessKeyId]);
    const secretAccessKey = nonEmpty(env[names.secretAccessKey]);
    const sessionToken = nonEmpty(env[names.sessionToken]);
    if (accessKeyId !== undefined && secretAccessKey !== undefined)
      return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: "environment" };
    if (accessKeyId !== undefined || secretAccessKey !== undefined) {
      const [set, missing] =
        accessKeyId === undefined
          ? [names.secretAccessKey, names.accessKeyId]
          : [names.accessKeyId, names.secretAccessKey];
      throw credentialError(
        input,
        `${set} is set but ${missing} is not: set both (and ${names.sessionToken} for temporary credentials).`,
        [`environment ${names.accessKeyId} + ${names.secretAccessKey}`],
      );
    }
    lookedFor.push(`environment ${names.accessKeyId} + ${names.secretAccessKey}`);
  }
  const name = profile ?? "default";
  const path =
    nonEmpty(env[names.credentialsFile]) ??
    join(nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE) ?? homedir(), ".aws", "credentials");
  const where = `profile "${name}" in ${path}`;
  const text = await readCredentialsFile(path, input);
  const section = text === undefined ? undefined : parseIni(text).get(name);
  if (section === undefined) {
    lookedFor.push(`${where} (${text === undefined ? "file not found" : "no such profile"})`);
    throw credentialError(input, `No AWS credentials found. Looked for: ${lookedFor.join("; ")}.`, lookedFor);
  }
  const accessKeyId = nonEmpty(section.get("aws_access_key_id"));
  const secretAccessKey = nonEmpty(section.get("aws_secret_access_key"));
  const sessionToken = nonEmpty(section.get("aws_session_token"));
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    const missing = [
      accessKeyId === undefined && "aws_access_key_id",
      secretAccessKey === undefined && "aws_secret_access_key",
    ]
      .filter(Boolean)
      .join(" and ");
    throw credentialError(
      input,
      `${where} lacks ${missing} (for SSO, role or process profiles pass a credential provider function as settings.credentials).`,
      [where],
    );
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: where };
}

async function callProvider(
  provider: AwsCredentialProvider,
  input: ResolveAwsEc2CredentialsInput,
): Promise<ResolvedAwsEc2Credentials> {
  const lookedFor = ["settings.credentials (credential provider function)"];
  let value: unknown;
  try {
    value = await provider();
  } catch (thrown) {
    throw credentialError(
      input,
      `The credential provider function failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      lookedFor,
      thrown,
    );
  }
  const parsed = ProviderResultSchema.safeParse(value);
  if (!parsed.success)
    throw credentialError(
      input,
      "The credential provider function did not resolve to { accessKeyId, secretAccessKey, sessionToken?, expiration? }.",
      lookedFor,
    );
  return { ...parsed.data, source: "credential provider" };
}

async function readCredentialsFile(path: string, input: ResolveAwsEc2CredentialsInput): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw credentialError(input, `Cannot read ${path} (${code ?? "unknown error"}).`, [path]);
  }
}

/** `[name]` sections of `key = value` lines; `#` and `;` lines are comments. Keys are lower-cased. */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header?.[1] !== undefined) {
      current = sections.get(header[1]) ?? new Map();
      sections.set(header[1], current);
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair?.[1] !== undefined && current !== undefined) current.set(pair[1].toLowerCase(), pair[2] ?? "");
  }
  return sections;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function credentialError(
  input: ResolveAwsEc2CredentialsInput,
  message: string,
  lookedFor: readonly string[],
  cause?: unknown,
): IpAllocatorError {
  return new IpAllocatorError({
    code: "UNAUTHENTICATED",
    message,
    provider: AWS_EC2_PROVIDER,
    operation: input.operation,
    details: { lookedFor },
    cause,
  });
}
