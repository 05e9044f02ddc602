// The Container Apps environment: the bot's replicas run in the network of network.bicep (so they
// reach PostgreSQL's private address), and their console output goes to Log Analytics.

param name string
param location string
param tags object

param subnetId string
param logAnalyticsWorkspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: subnetId
      // Teams reaches the bot from the internet: the environment's ingress is public.
      internal: false
    }
    // A workload-profiles environment (with the Consumption profile) is what runs in a subnet of
    // our own as small as /27, and it bills consumption apps per use.
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

output id string = environment.id

// An app's public address is <app name>.<default domain>, known before the app exists: the Azure
// Bot's messaging endpoint and the Teams app package are made from it at provision time.
output defaultDomain string = environment.properties.defaultDomain
