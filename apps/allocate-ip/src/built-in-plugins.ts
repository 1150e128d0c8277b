import type { PluginSource } from "@polycloud/core";

/**
 * The providers this app ships with, imported from here rather than resolved by package name from the
 * config file's directory, so a config file anywhere (a temp dir, `~/`) works. Any other `provider`
 * value is still resolved by core as a package name or a path relative to the config file.
 * @public
 */
export const BUILT_IN_PLUGINS: Readonly<Record<string, PluginSource>> = {
  "alibaba-ecs": () => import("@polycloud/alibaba-ecs"),
  "zenlayer-eip": () => import("@polycloud/zenlayer-eip"),
  "aws-ec2": () => import("@polycloud/aws-ec2"),
};
