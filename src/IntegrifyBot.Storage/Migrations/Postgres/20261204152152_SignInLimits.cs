using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrifyBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Pending",
                table: "SignInFailures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TargetUserName",
                table: "SignInFailures",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_TargetUserName_At",
                table: "SignInFailures",
                columns: new[] { "TargetUserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignInFailures_TargetUserName_At",
                table: "SignInFailures");

            migrationBuilder.DropColumn(
                name: "Pending",
                table: "SignInFailures");

            migrationBuilder.DropColumn(
                name: "TargetUserName",
                table: "SignInFailures");
        }
    }
}
