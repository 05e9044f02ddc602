#!/usr/bin/env bash
# Runs in `atk deploy`: builds the bot's image from the repository's Dockerfile inside Azure
# Container Registry (ACR Tasks), so no Docker engine is needed here and the image is exactly what
# the Dockerfile describes, then hands its name to the deployment that follows.
#
#   build-image.sh <subscription id> <registry name> <registry login server> <KEY_RING_CERTIFICATE_VERSION>
set -euo pipefail
subscription="$1"
registry="$2"
server="$3"
keyring="$4"

if [ "$keyring" = "none" ]; then
  echo "The key-ring certificate does not exist yet: run atk provision for this environment first." >&2
  exit 1
fi

# Commit and time: an image is never overwritten, so a revision can always be rolled back to.
tag="$(git rev-parse --short=12 HEAD 2>/dev/null || echo local)-$(date -u +%Y%m%d%H%M%S)"
az acr build --subscription "$subscription" --registry "$registry" --image "integrifybot:$tag" --file Dockerfile .
echo "::set-teamsfx-env BOT_IMAGE=$server/integrifybot:$tag"
