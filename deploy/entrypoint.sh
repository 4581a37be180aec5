#!/bin/sh
# Container entry point: `digestbot "$@"`, after working out this pod's Discord shards.
#
# In the Discord StatefulSet each pod takes DISCORD_SHARDS_PER_POD consecutive
# shards: pod N (the ordinal after the last "-" of its name) gets shards
# N*k … N*k+k-1 of DISCORD_SHARD_COUNT. Outside Kubernetes, leave
# DISCORD_SHARDS_PER_POD unset and nothing changes.
set -eu

if [ -n "${DISCORD_SHARDS_PER_POD:-}" ]; then
  pod="${POD_NAME:-$(hostname)}"
  ordinal="${pod##*-}"
  case "$ordinal" in
    '' | *[!0-9]*)
      echo "digestbot-entrypoint: no pod ordinal at the end of '$pod'" >&2
      exit 64
      ;;
  esac
  per_pod="$DISCORD_SHARDS_PER_POD"
  first=$((ordinal * per_pod))
  if [ $((first + per_pod)) -gt "${DISCORD_SHARD_COUNT:?set DISCORD_SHARD_COUNT with DISCORD_SHARDS_PER_POD}" ]; then
    echo "digestbot-entrypoint: pod $ordinal would run shards past DISCORD_SHARD_COUNT=$DISCORD_SHARD_COUNT;" \
      "replicas × DISCORD_SHARDS_PER_POD must equal DISCORD_SHARD_COUNT" >&2
    exit 64
  fi
  ids=""
  shard=$first
  while [ "$shard" -lt $((first + per_pod)) ]; do
    ids="${ids:+$ids,}$shard"
    shard=$((shard + 1))
  done
  DISCORD_SHARD_IDS="$ids"
  export DISCORD_SHARD_IDS
  echo "digestbot-entrypoint: pod $ordinal runs Discord shards $ids of $DISCORD_SHARD_COUNT" >&2
fi

exec digestbot "$@"
