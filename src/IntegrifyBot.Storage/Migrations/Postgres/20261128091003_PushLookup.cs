using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PushLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedIntegrifyUserName",
                table: "LinkedAccounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Accounts linked before, upper-cased as the bot does (LinkedTeamsUsers.Normalize).
            migrationBuilder.Sql("""UPDATE "LinkedAccounts" SET "NormalizedIntegrifyUserName" = upper("IntegrifyUserName");""");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedAccounts_NormalizedIntegrifyUserName",
                table: "LinkedAccounts",
                column: "NormalizedIntegrifyUserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LinkedAccounts_NormalizedIntegrifyUserName",
                table: "LinkedAccounts");

            migrationBuilder.DropColumn(
                name: "NormalizedIntegrifyUserName",
                table: "LinkedAccounts");
        }
    }
}
