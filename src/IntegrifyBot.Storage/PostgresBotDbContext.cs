using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// The bot's database on PostgreSQL: the same model as <see cref="BotDbContext"/>, as a type of its
/// own only because EF Core keeps one set of migrations (and one model snapshot) per context type.
/// SQLite's migrations belong to <see cref="BotDbContext"/>, PostgreSQL's to this type; the
/// PostgreSQL provider creates it wherever the bot asks for a <see cref="BotDbContext"/>.
/// </summary>
public sealed class PostgresBotDbContext(DbContextOptions<BotDbContext> options) : BotDbContext(options);
