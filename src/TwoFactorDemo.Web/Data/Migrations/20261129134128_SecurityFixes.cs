using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwoFactorDemo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TotpPendingSecret",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "RecentPatternHashesJson",
                table: "TypingProfiles",
                newName: "RecentSamplesJson");

            // The old column held hashes of exact samples; the new one holds feature vectors, so it starts empty.
            migrationBuilder.Sql("UPDATE \"TypingProfiles\" SET \"RecentSamplesJson\" = '[]';");

            migrationBuilder.AddColumn<string>(
                name: "SessionKey",
                table: "MessageSends",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PasswordResets",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordResets", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_PasswordResets_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RememberedBrowsers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RememberedBrowsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RememberedBrowsers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RememberedBrowsers_TokenHash",
                table: "RememberedBrowsers",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RememberedBrowsers_UserId",
                table: "RememberedBrowsers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PasswordResets");

            migrationBuilder.DropTable(
                name: "RememberedBrowsers");

            migrationBuilder.DropColumn(
                name: "SessionKey",
                table: "MessageSends");

            migrationBuilder.RenameColumn(
                name: "RecentSamplesJson",
                table: "TypingProfiles",
                newName: "RecentPatternHashesJson");

            migrationBuilder.AddColumn<string>(
                name: "TotpPendingSecret",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);
        }
    }
}
