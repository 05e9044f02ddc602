using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationLocale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Locale",
                table: "NotificationSettings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Locale",
                table: "NotificationSettings");
        }
    }
}
