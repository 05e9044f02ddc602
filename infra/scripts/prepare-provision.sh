#!/usr/bin/env bash
# Runs first in `atk provision`: checks the settings only the administrator can give, and makes the
# values the toolkit cannot. It hands values back as `::set-teamsfx-env NAME=value` lines, which the
# toolkit writes to env/.env.<env> (a SECRET_ name, encrypted, to env/.env.<env>.user) and passes
# to the steps after it.
#
#   prepare-provision.sh
set -euo pipefail
env_file="env/.env.${TEAMSFX_ENV:-dev}"

for required in INTEGRIFY_BASE_URL INTEGRIFY_TENANT; do
  if [ -z "${!required:-}" ]; then
    echo "Set $required in $env_file (see docs/deployment.md)." >&2
    exit 1
  fi
done

# `atk env add` copies another environment's names without their values: give a new environment the
# values every environment starts with.
[ -n "${APP_VERSION:-}" ] || echo "::set-teamsfx-env APP_VERSION=1.0.0"
[ -n "${BOT_IMAGE:-}" ] || echo "::set-teamsfx-env BOT_IMAGE=none"
[ -n "${KEY_RING_CERTIFICATE_VERSION:-}" ] || echo "::set-teamsfx-env KEY_RING_CERTIFICATE_VERSION=none"
[ -n "${KEY_RING_PREVIOUS_CERTIFICATE_VERSIONS:-}" ] || echo "::set-teamsfx-env KEY_RING_PREVIOUS_CERTIFICATE_VERSIONS=none"

# PostgreSQL's administrator password, made once and then kept: a new one on every provision would
# change the password under the running bot. Hex, after a fixed upper- and lower-case letter, meets
# Azure's complexity rule and needs no quoting in a connection string.
if [ -z "${SECRET_POSTGRES_ADMIN_PASSWORD:-}" ]; then
  echo "::set-teamsfx-env SECRET_POSTGRES_ADMIN_PASSWORD=Pg$(openssl rand -hex 24)"
fi

# Whoever provisions creates the key-ring certificate inside Key Vault
# (ensure-keyring-certificate.sh), so main.bicep grants them that right on the vault.
if [ "$(az account show --query user.type --output tsv)" = "servicePrincipal" ]; then
  deployer=$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv)
else
  deployer=$(az ad signed-in-user show --query id --output tsv)
fi
echo "::set-teamsfx-env AZURE_DEPLOYER_OBJECT_ID=$deployer"
