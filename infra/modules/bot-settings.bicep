// What the bot reads in Azure: the configuration keys of docs/configuration.md as environment
// variables (`__` for `:`), the Key Vault secrets behind them, and the key-ring certificates' files.
// Functions, imported by main.bicep at compile time, so that these lists live in one place.

@export()
type BotIdentity = {
  appType: 'SingleTenant' | 'UserAssignedMSI'
  appId: string
  tenantId: string
}

// The files the container app's init step decodes into /app/keyring: `current`, then `previous-N`
// for each earlier certificate that still decrypts keys it encrypted.
@export()
func keyRingFiles(previousCount int) array =>
  concat(
    [
      {
        secretRef: 'keyring-current'
        path: 'current'
      }
    ],
    map(range(0, previousCount), i => {
      secretRef: 'keyring-previous-${i}'
      path: 'previous-${i}'
    })
  )

// Key Vault references, read with the bot's managed identity. The key-ring certificate is named by
// version: a new version made in the vault changes nothing until it is named here (see
// docs/deployment.md, rotating the key-ring certificate).
@export()
func keyVaultSecrets(
  vaultUri string,
  identityId string,
  botCredentialUri string,
  connectionStringUri string,
  keyRingVersion string,
  previousKeyRingVersions array
) array =>
  concat(
    empty(botCredentialUri)
      ? []
      : [
          {
            name: 'bot-app-password'
            keyVaultUrl: botCredentialUri
            identity: identityId
          }
        ],
    [
      {
        name: 'storage-connection-string'
        keyVaultUrl: connectionStringUri
        identity: identityId
      }
      {
        name: 'keyring-current'
        keyVaultUrl: '${vaultUri}secrets/keyring/${keyRingVersion}'
        identity: identityId
      }
    ],
    map(range(0, length(previousKeyRingVersions)), i => {
      name: 'keyring-previous-${i}'
      keyVaultUrl: '${vaultUri}secrets/keyring/${previousKeyRingVersions[i]}'
      identity: identityId
    })
  )

@export()
func botSettings(
  identity BotIdentity,
  publicUrl string,
  integrifyBaseUrl string,
  integrifyTenant string,
  allowedTenantIds array,
  previousKeyRingCount int
) array =>
  concat(
    [
      {
        name: 'Bot__Mode'
        value: 'Production'
      }
      {
        name: 'MicrosoftAppType'
        value: identity.appType
      }
      {
        name: 'MicrosoftAppId'
        value: identity.appId
      }
      {
        name: 'MicrosoftAppTenantId'
        value: identity.tenantId
      }
      {
        name: 'Bot__PublicUrl'
        value: publicUrl
      }
      {
        name: 'Integrify__BaseUrl'
        value: integrifyBaseUrl
      }
      {
        name: 'Integrify__Tenant'
        value: integrifyTenant
      }
      {
        name: 'Storage__Provider'
        value: 'Postgres'
      }
      {
        name: 'Storage__ConnectionString'
        secretRef: 'storage-connection-string'
      }
      // Key Vault's PFX has no password, so Storage:KeyRingCertificatePassword stays unset.
      {
        name: 'Storage__KeyRingCertificatePath'
        value: '/app/keyring/current.pfx'
      }
      // The collector beside the bot, on the replica's loopback (infra/otel-collector.yaml).
      {
        name: 'Telemetry__OtlpEndpoint'
        value: 'http://127.0.0.1:4318/'
      }
    ],
    identity.appType == 'SingleTenant'
      ? [
          {
            name: 'MicrosoftAppPassword'
            secretRef: 'bot-app-password'
          }
        ]
      : [],
    map(range(0, length(allowedTenantIds)), i => {
      name: 'Bot__AllowedTenantIds__${i}'
      value: allowedTenantIds[i]
    }),
    map(range(0, previousKeyRingCount), i => {
      name: 'Storage__PreviousKeyRingCertificates__${i}__Path'
      value: '/app/keyring/previous-${i}.pfx'
    })
  )
