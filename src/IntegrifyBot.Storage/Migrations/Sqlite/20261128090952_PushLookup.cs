using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Accounts linked before: SQLite's upper() folds ASCII letters only, so a name with other
            // letters in lower case is found once its link is next saved (a sign-in or a token renewal).
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
