import readChangesets from "@changesets/read";

/** Packages that a pending (not yet versioned) changeset releases as major. */
export async function pendingMajors(root: string): Promise<Set<string>> {
  const changesets = await readChangesets(root);
  return new Set(
    changesets.flatMap((changeset) =>
      changeset.releases.filter((release) => release.type === "major").map((release) => release.name),
    ),
  );
}
