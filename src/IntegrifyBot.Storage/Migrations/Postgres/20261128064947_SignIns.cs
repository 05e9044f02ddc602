using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamsTenantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInStates",
                columns: table => new
                {
                    StateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TeamsTenantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProtectedCredential = table.Column<string>(type: "text", nullable: true),
                    MagicCodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
