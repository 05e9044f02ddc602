using System.ComponentModel.DataAnnotations;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Web;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Integrify;

/// <summary>Which pasted links are pages of the configured Integrify, and the addresses the bot links to.</summary>
public sealed class WebLinksTests
{
    private const string Sid = "787e6911-429b-44a9-80a3-639132cdd8e7";

    [Theory]
    [InlineData("https://acme.integrify.com/#/section-dashboard/recipienttask/" + Sid, IntegrifyPageKind.Task)]
    [InlineData("https://acme.integrify.com#/section-dashboard/request/" + Sid, IntegrifyPageKind.Request)]
    [InlineData("https://ACME.integrify.com/#/Section-Dashboard/RecipientTask/" + Sid + "/", IntegrifyPageKind.Task)]
    [InlineData("https://acme.integrify.com/workflow/#/section-dashboard/request/" + Sid + "?tab=history", IntegrifyPageKind.Request)]
    [InlineData("https://acme.integrify.com:443/#/section-dashboard/request/" + Sid, IntegrifyPageKind.Request)]
    [InlineData("http://acme.integrify.com/#/section-dashboard/request/" + Sid, IntegrifyPageKind.Request)]
    [InlineData("  https://acme.integrify.com/#/section-dashboard/request/" + Sid + "  ", IntegrifyPageKind.Request)]
    public void A_link_to_a_task_or_request_page_of_the_instance_is_recognised(string link, IntegrifyPageKind kind)
    {
        Assert.Equal(new IntegrifyPage(kind, Sid), Links().Recognise(link));
    }

    [Theory]
    [InlineData("https://other.integrify.com/#/section-dashboard/request/" + Sid)]
    [InlineData("https://acme.integrify.com.evil.example/#/section-dashboard/request/" + Sid)]
    [InlineData("https://evil.example/acme.integrify.com/#/section-dashboard/request/" + Sid)]
    [InlineData("https://acme.integrify.com@evil.example/#/section-dashboard/request/" + Sid)]
    [InlineData("https://acme.integrify.com:8443/#/section-dashboard/request/" + Sid)]
    [InlineData("ftp://acme.integrify.com/#/section-dashboard/request/" + Sid)]
    [InlineData("javascript:alert(1)//acme.integrify.com/#/section-dashboard/request/" + Sid)]
    [InlineData("https://acme.integrify.com/#/section-dashboard/dashboard")]
    [InlineData("https://acme.integrify.com/#/section-dashboard/request/")]
    [InlineData("https://acme.integrify.com/#/section-dashboard/request/a/b")]
    [InlineData("https://acme.integrify.com/#/section-dashboard/request/..%2F..%2Fapi")]
    [InlineData("https://acme.integrify.com/#/section-dashboard/request/%3Cscript%3E")]
    [InlineData("https://acme.integrify.com/section-dashboard/request/" + Sid)]
    [InlineData("/#/section-dashboard/request/" + Sid)]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not(string? link)
    {
        Assert.Null(Links().Recognise(link));
    }

    [Fact]
    public void A_link_longer_than_any_page_address_is_not_read()
    {
        Assert.Null(Links().Recognise("https://acme.integrify.com/" + new string('x', 5000) + "#/section-dashboard/request/" + Sid));
    }

    [Fact]
    public void The_bot_links_to_the_contracts_pages_and_recognises_its_own_links()
    {
        var links = Links();

        var task = links.To(IntegrifyPageKind.Task, Sid);

        Assert.Equal("https://acme.integrify.com/#/section-dashboard/recipienttask/" + Sid, task.ToString());
        Assert.Equal(new IntegrifyPage(IntegrifyPageKind.Task, Sid), links.Recognise(task.ToString()));
    }

    [Fact]
    public void A_configured_page_shape_replaces_the_contracts()
    {
        var options = new IntegrifyOptions { BaseUrl = new Uri("https://acme.integrify.com/") };
        options.WebPages["Request"] = "workflow/requests/{instanceSid}";
        var links = new IntegrifyWebLinks(Options.Create(options));

        Assert.Equal("https://acme.integrify.com/workflow/requests/" + Sid, links.To(IntegrifyPageKind.Request, Sid).ToString());
        Assert.Equal(new IntegrifyPage(IntegrifyPageKind.Request, Sid), links.Recognise("https://acme.integrify.com/workflow/requests/" + Sid));
        Assert.Null(links.Recognise("https://acme.integrify.com/#/section-dashboard/request/" + Sid));
        Assert.Equal(new IntegrifyPage(IntegrifyPageKind.Task, Sid), links.Recognise("https://acme.integrify.com/#/section-dashboard/recipienttask/" + Sid));
    }

    [Theory]
    [InlineData("Request", "https://elsewhere.example/{instanceSid}")]
    [InlineData("Request", "/absolute/{instanceSid}")]
    [InlineData("Request", "#/section-dashboard/request")]
    [InlineData("Request", "#/{a}/{b}")]
    [InlineData("Request", "#/request-{instanceSid}")]
    [InlineData("Report", "#/reports/{reportSid}")]
    [InlineData("0", "#/section-dashboard/request/{instanceSid}")]
    public void A_page_shape_that_cannot_work_fails_at_start_with_its_name(string name, string template)
    {
        var options = new IntegrifyOptions { BaseUrl = new Uri("https://acme.integrify.com/"), Tenant = "acme" };
        options.WebPages[name] = template;

        var problems = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true));
        Assert.Contains(problems, problem => problem.ErrorMessage!.Contains($"Integrify:WebPages:{name}", StringComparison.Ordinal));
    }

    private static IntegrifyWebLinks Links() =>
        new(Options.Create(new IntegrifyOptions { BaseUrl = new Uri("https://acme.integrify.com/") }));
}
