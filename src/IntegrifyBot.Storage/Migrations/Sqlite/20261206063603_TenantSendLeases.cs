using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantSendLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotificationSenders",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AliveUntil = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationSenders", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "TenantSendLeases",
                columns: table => new
                {
                    TeamsTenantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HeldUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PausedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LearnedLimit = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSendLeases", x => x.TeamsTenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationSenders");

            migrationBuilder.DropTable(
                name: "TenantSendLeases");
        }
    }
}
