// IntegrifyBot on Azure, as `atk provision` and `atk deploy` (m365agents.yml) deploy it into one
// resource group: the Azure Bot with its Teams channel, the bot on Azure Container Apps, PostgreSQL,
// Key Vault, the registry of its image, Log Analytics and Application Insights. docs/deployment.md
// walks through it.

import { BotIdentity, botSettings, keyRingFiles, keyVaultSecrets } from 'modules/bot-settings.bicep'

@description('Short name of the environment (the toolkit\'s --env) in lower-case letters and digits, part of every resource\'s name.')
@minLength(2)
@maxLength(10)
param environmentName string

param location string = resourceGroup().location

@description('How the bot signs in to the Bot Framework: an app registration with a client secret, or the managed identity made here.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('The single-tenant app registration\'s client id; ignored for UserAssignedMSI.')
param botAppId string = ''

@description('The app registration\'s client secret; ignored for UserAssignedMSI.')
@secure()
param botAppPassword string = ''

param botTenantId string = tenant().tenantId

@description('The name people see for the bot in the Azure portal.')
param botDisplayName string = 'Integrify'

@description('Your Integrify instance\'s address (Integrify:BaseUrl), such as https://acme.integrify.com.')
param integrifyBaseUrl string

@description('Your Integrify instance\'s ID (Integrify:Tenant), such as acme.')
param integrifyTenant string

@description('Teams tenants whose people may use the bot (Bot:AllowedTenantIds); the bot\'s own by default.')
param allowedTenantIds array = [
  botTenantId
]

@description('The bot\'s image in the registry; "none" until the first `atk deploy` has built one, and until then there is no container app.')
param containerImage string = 'none'

@description('The Key Vault version of the key-ring certificate the bot encrypts new keys with; "none" before it exists.')
param keyRingCertificateVersion string = 'none'

@description('Earlier versions of the key-ring certificate, comma-separated, which still decrypt the keys they encrypted; "none" for none.')
param keyRingPreviousCertificateVersions string = 'none'

@secure()
param postgresAdminPassword string

@description('Whoever runs provisioning, who creates the key-ring certificate in Key Vault; empty to grant nothing.')
param keyVaultAdministratorPrincipalId string = ''

@description('Replicas that always run: at least two, so that one replica\'s restart or move never takes the bot away.')
@minValue(2)
@maxValue(30)
param minReplicas int = 2

@maxValue(30)
param maxReplicas int = 4

param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'

param otelCollectorImage string = 'ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.129.1'

var name = 'integrifybot-${environmentName}'
// Key Vault, registry, PostgreSQL and bot names are global: a suffix unique to this resource group.
var suffix = uniqueString(subscription().id, resourceGroup().id, environmentName)
var tags = {
  application: 'integrifybot'
  environment: environmentName
}
var previousKeyRingVersions = keyRingPreviousCertificateVersions == 'none'
  ? []
  : map(split(keyRingPreviousCertificateVersions, ','), version => trim(version))
var deployApp = containerImage != 'none'
var postgresLogin = 'integrifybot'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}'
  location: location
  tags: tags
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: name
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${replace(name, '-', '')}${suffix}'
    location: location
    tags: tags
    pullPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${suffix}'
    location: location
    tags: tags
    readerPrincipalId: identity.properties.principalId
    certificateOfficerPrincipalId: keyVaultAdministratorPrincipalId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${name}-${suffix}'
    location: location
    tags: tags
    delegatedSubnetId: network.outputs.postgresSubnetId
    privateDnsZoneId: network.outputs.postgresDnsZoneId
    administratorLogin: postgresLogin
    administratorPassword: postgresAdminPassword
    databaseName: 'integrifybot'
    skuName: postgresSkuName
    skuTier: postgresSkuTier
  }
}

module secrets 'modules/secrets.bicep' = {
  name: 'secrets'
  params: {
    vaultName: keyVault.outputs.name
    hasBotAppPassword: botAppType == 'SingleTenant'
    botAppPassword: botAppPassword
    postgresHost: postgres.outputs.host
    postgresDatabase: postgres.outputs.databaseName
    postgresLogin: postgresLogin
    postgresPassword: postgresAdminPassword
  }
}

module environment 'modules/environment.bicep' = {
  name: 'environment'
  params: {
    name: 'cae-${name}'
    location: location
    tags: tags
    subnetId: network.outputs.containerAppsSubnetId
    logAnalyticsWorkspaceName: monitoring.outputs.workspaceName
  }
}

var botDomain = '${name}.${environment.outputs.defaultDomain}'
var identitySettings BotIdentity = {
  appType: botAppType
  appId: botAppType == 'SingleTenant' ? botAppId : identity.properties.clientId
  tenantId: botAppType == 'SingleTenant' ? botTenantId : identity.properties.tenantId
}

module botService 'modules/bot-service.bicep' = {
  name: 'bot-service'
  params: {
    name: '${name}-${suffix}'
    tags: tags
    displayName: botDisplayName
    messagingEndpoint: 'https://${botDomain}/api/messages'
    appType: identitySettings.appType
    appId: identitySettings.appId
    tenantId: identitySettings.tenantId
    identityResourceId: identity.id
  }
}

module app 'modules/bot-app.bicep' = if (deployApp) {
  name: 'bot-app'
  params: {
    name: name
    location: location
    tags: tags
    environmentId: environment.outputs.id
    identityId: identity.id
    registryServer: registry.outputs.loginServer
    image: containerImage
    otelCollectorImage: otelCollectorImage
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    settings: botSettings(
      identitySettings,
      'https://${botDomain}',
      integrifyBaseUrl,
      integrifyTenant,
      allowedTenantIds,
      length(previousKeyRingVersions)
    )
    secrets: keyVaultSecrets(
      keyVault.outputs.uri,
      identity.id,
      secrets.outputs.botCredentialUri,
      secrets.outputs.connectionStringUri,
      keyRingCertificateVersion,
      previousKeyRingVersions
    )
    keyRingFiles: keyRingFiles(length(previousKeyRingVersions))
    minReplicas: minReplicas
    maxReplicas: maxReplicas
  }
}

// Upper-case names: the toolkit writes each output to env/.env.<env> under its own name.
output BOT_ID string = identitySettings.appId
output BOT_DOMAIN string = botDomain
output BOT_ENDPOINT string = 'https://${botDomain}/api/messages'
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_APP_NAME string = name
output KEY_VAULT_NAME string = keyVault.outputs.name
