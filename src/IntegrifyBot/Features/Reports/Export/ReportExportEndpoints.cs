using System.Globalization;
using System.Text;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Storage;
using Microsoft.AspNetCore.Mvc;

namespace IntegrifyBot.Features.Reports.Export;

/// <summary>
/// GET /reports/export?key=…: the CSV of a report export asked for in Teams. The link names the
/// Teams user it was issued to, and the rows are read from Integrify with that user's own
/// credentials at the moment it is opened, so it can never show more than Integrify lets that user
/// see. It works once, and not after it expires.
/// </summary>
public static partial class ReportExportEndpoints
{
    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportExportLinks.Path, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync([FromQuery(Name = ReportExportLinks.KeyParameter)] string? secret, HttpContext http, ReportExports exports, IIntegrifyReportsApi reports, TimeProvider time, ILoggerFactory loggers)
    {
        secret ??= string.Empty;
        var logger = loggers.CreateLogger(typeof(ReportExportEndpoints));
        Private(http);
        var (claim, link) = await exports.ClaimAsync(secret, http.RequestAborted);
        if (claim == ReportExportClaim.Expired)
        {
            return Page(StatusCodes.Status410Gone, "This download link has expired", "Export the report again from its card in Teams for a new link.");
        }

        if (link is null)
        {
            return Page(StatusCodes.Status404NotFound, "This download link does not work", "It was already used, or it is not a link the bot gave. Export the report again from its card in Teams.");
        }

        Stream csv;
        try
        {
            csv = await reports.ExportCsvAsync(link.User, link.ReportSid, http.RequestAborted, filters: link.FiltersJson);
        }
        catch (IntegrifyLinkExpiredException)
        {
            return Page(StatusCodes.Status403Forbidden, "Your Integrify account needs linking again", "Send the bot “sign in” in Teams, then export the report again.");
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return Page(StatusCodes.Status403Forbidden, "Integrify no longer lets you run this report", "Nothing was downloaded.");
        }
        catch (IntegrifyBusyException)
        {
            // Nothing was sent, so the link may be tried again.
            await exports.ReleaseAsync(secret, CancellationToken.None);
            return Page(StatusCodes.Status503ServiceUnavailable, "The bot is busy right now", "Please open the same link again in a moment.");
        }
        catch (IntegrifyUnavailableException)
        {
            // Nothing was sent, so the link may be tried again.
            await exports.ReleaseAsync(secret, CancellationToken.None);
            return Page(StatusCodes.Status503ServiceUnavailable, "Integrify isn't answering right now", "Please open the same link again in a moment.");
        }
        catch (IntegrifyException)
        {
            await exports.ReleaseAsync(secret, CancellationToken.None);
            return Page(StatusCodes.Status502BadGateway, "Integrify could not export the report", "Nothing was downloaded. Please try again, or export it in Integrify.");
        }

        LogDownloaded(logger);
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Results.Stream(csv, "text/csv; charset=utf-8", $"{FileName(link.ReportName)} {day}.csv");
    }

    /// <summary>The report's name as a file name: letters, digits, spaces and a few marks.</summary>
    private static string FileName(string reportName)
    {
        var name = new StringBuilder(reportName.Length);
        foreach (var character in reportName.Trim())
        {
            name.Append(char.IsLetterOrDigit(character) || character is ' ' or '-' or '_' or '(' or ')' ? character : '_');
        }

        return name.Length == 0 ? "Report" : name.ToString(0, Math.Min(name.Length, 80));
    }

    /// <summary>The download and its pages are never cached, framed or sent on as a referrer: the address is the key.</summary>
    private static void Private(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    private static IResult Page(int status, string title, string text)
    {
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encodedTitle} · IntegrifyBot</title>
            <link rel="stylesheet" href="/link/link.css">
            </head>
            <body>
            <main>
            <h1>{encodedTitle}</h1>
            <p>{System.Net.WebUtility.HtmlEncode(text)}</p>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A report export was downloaded")]
    private static partial void LogDownloaded(ILogger logger);
}
