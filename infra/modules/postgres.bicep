// The one database every bot instance shares (Storage:Provider=Postgres): linked accounts, the
// notification outbox and the Data Protection key ring. Private access (a delegated subnet of
// network.bicep) gives the server no public address at all. Password authentication, because the
// bot's connection string carries a password; the password itself lives in Key Vault (secrets.bicep).

param name string
param location string
param tags object

param delegatedSubnetId string
param privateDnsZoneId string

@description('The administrator login, which the bot uses: its migrations create the tables at start.')
param administratorLogin string

@secure()
param administratorPassword string

param databaseName string

@description('Compute size; Burstable B1ms suits a bot of a few thousand people.')
param skuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

param storageSizeGB int = 32

@allowed([
  '16'
  '17'
])
param version string = '16'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: privateDnsZoneId
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
