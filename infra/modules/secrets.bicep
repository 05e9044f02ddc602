// The secrets ARM can write: values that pass through the deployment as secure parameters. The
// key-ring certificate is not among them; it is made inside Key Vault, so that its private key
// never leaves the vault except to the bot (infra/scripts/ensure-keyring-certificate.sh).

param vaultName string

@description('Whether the bot signs in with a client secret (SingleTenant) rather than its managed identity.')
param hasBotAppPassword bool

@secure()
param botAppPassword string = ''

param postgresHost string
param postgresDatabase string
param postgresLogin string

@secure()
param postgresPassword string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasBotAppPassword) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource postgresPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: {
    value: postgresPassword
  }
}

// VerifyFull: the server's certificate chains to a public root that the bot image trusts, and its
// name is the server's host name even though that name resolves to a private address.
resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'Host=${postgresHost};Database=${postgresDatabase};Username=${postgresLogin};Password=${postgresPassword};SSL Mode=VerifyFull'
  }
}

// Versionless addresses: when a value changes (a new client secret, a new password), Container Apps
// reads the new version within 30 minutes and restarts the bot's replicas to use it. ARM writes no
// new version for an unchanged value, so a deployment alone restarts nothing.
output botCredentialUri string = hasBotAppPassword ? botPassword!.properties.secretUri : ''
output connectionStringUri string = connectionString.properties.secretUri
