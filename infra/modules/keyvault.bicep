// The vault that holds every secret of the deployment: the bot's client secret, PostgreSQL's
// password and the connection string built from it, and the key-ring certificate. Access is by
// Azure RBAC only, so who may read what is visible in role assignments, not in access policies.

param name string
param location string
param tags object

@description('Principal id of the bot\'s managed identity, which reads secrets and nothing else.')
param readerPrincipalId string

@description('Object id of whoever runs provisioning, who creates the key-ring certificate; empty to assign nothing.')
param certificateOfficerPrincipalId string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // The key-ring certificate cannot be made again: a vault deleted by mistake must be
    // recoverable, and must not be purged before its retention ends.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// Key Vault Secrets User: reads secret values, which is how Container Apps fetches its Key Vault
// references, including the certificate (a certificate's private key is read through its secret).
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

// Key Vault Certificates Officer: creates the key-ring certificate and its later versions.
var certificatesOfficerRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a4417e6f-fecd-4de8-b567-7b0420556985')

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRole)
  properties: {
    roleDefinitionId: secretsUserRole
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource certificateOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(certificateOfficerPrincipalId)) {
  scope: vault
  name: guid(vault.id, certificateOfficerPrincipalId, certificatesOfficerRole)
  properties: {
    roleDefinitionId: certificatesOfficerRole
    principalId: certificateOfficerPrincipalId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
