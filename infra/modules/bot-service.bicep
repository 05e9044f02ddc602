// The Azure Bot: the registration that lets Teams (through the Bot Connector) send activities to the
// bot's messaging endpoint, signed for the bot's app id. Azure no longer creates multi-tenant bots:
// the bot is either a single-tenant app registration with a client secret, or a user-assigned
// managed identity.

param name string
param tags object

param displayName string
param messagingEndpoint string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('The app registration\'s client id, or the managed identity\'s.')
param appId string

param tenantId string

@description('The managed identity\'s resource id, for UserAssignedMSI only.')
param identityResourceId string = ''

@description('F0 is free and enough for Teams, a standard channel; S1 adds an SLA.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global; the bot itself runs wherever the container app does.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppType: appType
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
