using System.Text.Json;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Http;

namespace IntegrifyBot.UnitTests.Integrify;

public sealed class ReportFilterJsonTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"ID\"", true)]
    [InlineData("\"\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("null", false)]
    public void Expose_is_read_whether_integrify_sends_a_flag_or_a_field_id(string expose, bool exposed)
    {
        var filter = JsonSerializer.Deserialize<ReportFilter>($$"""{"MappingVal":"Amount","expose":{{expose}},"FieldType":"ExposeNumberFilter","Unknown":1}""", IntegrifyJson.Options);

        Assert.Equal(exposed, filter!.Expose);
        Assert.Equal("Amount", filter.MappingVal);
        Assert.Equal("ExposeNumberFilter", filter.FieldType);
    }
}
