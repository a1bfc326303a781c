#!/usr/bin/env bash
# Release notes and changelog from the commits (docs/release.md, "Release notes"). A release is a tag vX.Y.Z on
# main; its notes are the commits since the previous release tag, merges left out (their branches' commits are
# listed one by one). Writes into OUT_DIR, for the update site:
#   release-notes.md   this build: the commits since the last release tag (all commits before the first release)
#   changelog.md       this build's section, then one section per release tag, newest first
# Usage: releng/release-notes.sh OUT_DIR VERSION
#   VERSION: the qualified version being built (e.g. 0.1.0.202612070612), the heading of this build's section.
# Outside a git work tree (a source archive), both files say so instead of failing the build.
set -euo pipefail

[[ $# -eq 2 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
out=$1
version=$2
mkdir -p "$out"
cd "$(dirname "$0")/.."

# Prints the Markdown list of the commits in the git range $1, oldest first (the order they were made in).
commits() {
  git log --no-merges --reverse --format='- %s (%h, %ad)' --date=short "$1"
}

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  for file in release-notes.md changelog.md; do
    printf '# Novelty Lens %s\n\nBuilt outside a git work tree: no commit history to list.\n' "$version" >"$out/$file"
  done
  exit 0
fi

# release tags, newest first, by version order (v0.10.0 after v0.9.0)
mapfile -t tags < <(git tag --list 'v[0-9]*' --sort=-version:refname --merged HEAD)
if ((${#tags[@]})); then
  range=${tags[0]}..HEAD
  since="since ${tags[0]}"
else
  range=HEAD
  since="since the start of the project (no release tagged yet)"
fi

{
  printf '# Novelty Lens %s\n\n' "$version"
  printf 'Built from commit %s. Changes %s:\n\n' "$(git rev-parse --short HEAD)" "$since"
  commits "$range"
} >"$out/release-notes.md"

{
  printf '# Novelty Lens changelog\n\n'
  printf '## %s (this build, %s)\n\n' "$version" "$since"
  commits "$range"
  for i in "${!tags[@]}"; do
    tag=${tags[$i]}
    previous=${tags[$((i + 1))]:-}
    printf '\n## %s (%s)\n\n' "${tag#v}" "$(git log -1 --format=%ad --date=short "$tag")"
    commits "${previous:+$previous..}$tag"
  done
} >"$out/changelog.md"
