import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatReleaseCommand, quoteShellWord } from "../src/cli/release-command.js";

describe("the release command printed for a kept address", () => {
  it("repeats only the --config and --provider flags the user passed", () => {
    expect(formatReleaseCommand("eip-00000001")).toBe("allocate-ip release eip-00000001");
    expect(formatReleaseCommand("i-bp1abc", { config: "examples/alibaba.config.json" })).toBe(
      "allocate-ip release i-bp1abc --config examples/alibaba.config.json",
    );
    expect(formatReleaseCommand("eip-1", { config: "a.json", provider: "zenlayer-eip" })).toBe(
      "allocate-ip release eip-1 --config a.json --provider zenlayer-eip",
    );
  });

  it.each(["plain-word_1.json", "my config.json", "it's.json", "$HOME/x.json", "a;rm -rf b", "`x`", "", "ü.json"])(
    "quotes %j so a shell reads it back unchanged",
    (word) => {
      const echoed = execFileSync("sh", ["-c", `printf '%s' ${quoteShellWord(word)}`], { encoding: "utf8" });
      expect(echoed).toBe(word);
    },
  );
});
