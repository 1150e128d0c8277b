import { EXIT_CODE_TABLE } from "./exit-codes.js";

const ENVIRONMENT_VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ["POLYCLOUD_CONFIG", "configuration file (default ./polycloud.config.json); --config wins"],
  ["POLYCLOUD_PROVIDER", 'provider name, overriding the file\'s "provider"; --provider wins'],
  ["ALIBABA_CLOUD_ACCESS_KEY_ID", "Alibaba Cloud access key id, when the configuration has no credentials"],
  ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "Alibaba Cloud access key secret"],
  ["ALIBABA_CLOUD_SECURITY_TOKEN", "Alibaba Cloud STS token (optional)"],
  ["ZENLAYER_ACCESS_KEY_ID", "Zenlayer access key id, when the configuration has no credentials"],
  ["ZENLAYER_ACCESS_KEY_SECRET", "Zenlayer access key secret"],
  ["ZENLAYER_TOKEN", "Zenlayer bearer token, instead of an access key"],
  ["AWS_ACCESS_KEY_ID", "AWS access key id, when the configuration has no credentials and no profile is chosen"],
  ["AWS_SECRET_ACCESS_KEY", "AWS secret access key"],
  ["AWS_SESSION_TOKEN", "AWS session token of temporary credentials (optional)"],
  [
    "AWS_PROFILE",
    "profile of the shared credentials file (~/.aws/credentials); a chosen profile wins over the keys above",
  ],
  ["AWS_SHARED_CREDENTIALS_FILE", "shared credentials file instead of ~/.aws/credentials"],
  ["NO_COLOR, CI", "when set, no spinner (it is also off when stderr is not a terminal, and with --json or --verbose)"],
];

/** Environment variables and exit codes, appended to every command's `--help`. */
export function formatHelpFooter(): string {
  const nameWidth = Math.max(...ENVIRONMENT_VARIABLES.map(([name]) => name.length));
  const environment = ENVIRONMENT_VARIABLES.map(([name, meaning]) => `  ${name.padEnd(nameWidth)}  ${meaning}`);
  const exitCodes = EXIT_CODE_TABLE.map(
    (row) =>
      `  ${String(row.exitCode).padEnd(3)}${row.meaning}${row.codes.length > 0 ? ` (${row.codes.join(", ")})` : ""}`,
  );
  return ["", "Environment:", ...environment, "", "Exit codes:", ...exitCodes, ""].join("\n");
}
