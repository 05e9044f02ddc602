#!/usr/bin/env bash
# Runs in `atk provision` after the infrastructure is deployed: creates the key-ring certificate
# inside Key Vault the first time, so that its private key never exists outside the vault and the
# bot, and reports the version the bot is to use.
#
#   ensure-keyring-certificate.sh <key vault name> <KEY_RING_CERTIFICATE_VERSION>
#
# Once a version is named in env/.env.<env>, it stays: a version made later (rotation, see
# docs/deployment.md) reaches the bot only when an administrator names it there, with the old one
# in KEY_RING_PREVIOUS_CERTIFICATE_VERSIONS, so that the keys the old one encrypted still decrypt.
set -euo pipefail
vault="$1"
pinned="$2"
policy="$(dirname "$0")/../keyring-certificate-policy.json"
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

if [ "$pinned" != "none" ]; then
  az keyvault certificate show --vault-name "$vault" --name keyring --version "$pinned" --query id --output tsv >/dev/null
  exit 0
fi

# The Certificates Officer role was granted by the deployment that just ran, and takes minutes to
# reach Key Vault: until then every call is refused, so wait for it.
id=""
for attempt in $(seq 1 40); do
  if id=$(az keyvault certificate show --vault-name "$vault" --name keyring --query id --output tsv 2>"$errors"); then
    break
  fi
  if grep -qi "not found" "$errors"; then
    az keyvault certificate create --vault-name "$vault" --name keyring --policy "@$policy" --output none 2>"$errors" || sleep 15
  else
    sleep 15
  fi
done
if [ -z "$id" ]; then
  cat "$errors" >&2
  echo "The key-ring certificate could not be read or created in Key Vault $vault (attempt $attempt)." >&2
  exit 1
fi

# A certificate's id ends in its version, which is also the version of the secret holding its PFX.
echo "::set-teamsfx-env KEY_RING_CERTIFICATE_VERSION=${id##*/}"
