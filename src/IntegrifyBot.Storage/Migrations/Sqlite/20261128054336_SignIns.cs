using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamsTenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInStates",
                columns: table => new
                {
                    StateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamsTenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProtectedCredential = table.Column<string>(type: "TEXT", nullable: true),
                    MagicCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInStates", x => x.StateHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_TeamsTenantId_UserKey_At",
                table: "SignInFailures",
                columns: new[] { "TeamsTenantId", "UserKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInStates_TeamsTenantId_UserKey",
                table: "SignInStates",
                columns: new[] { "TeamsTenantId", "UserKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropTable(
                name: "SignInStates");
        }
    }
}
