using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;

namespace IntegrifyBot.UnitTests.Integrify;

public sealed class TurnCredentialsTests
{
    private static readonly IntegrifyUser Alex = new("tenant-contoso", "aad-alex");
    private static readonly IntegrifyUser Megan = new("tenant-contoso", "aad-megan");
    private static readonly IntegrifyCredential Read = new() { UserName = "alexw", Method = LinkMethod.Password, Jwt = "jwt-1" };

    private readonly TurnCredentials credentials = new();

    [Fact]
    public void Outside_a_turn_nothing_is_remembered()
    {
        credentials.Remember(Alex, Read);

        Assert.Null(credentials.Find(Alex));
    }

    [Fact]
    public void Within_a_turn_the_credential_read_is_found_for_its_user_only()
    {
        using (credentials.Begin())
        {
            credentials.Remember(Alex, Read);

            Assert.Same(Read, credentials.Find(Alex));
            Assert.Null(credentials.Find(Megan));
        }

        Assert.Null(credentials.Find(Alex));
    }

    [Fact]
    public async Task Calls_the_turn_makes_see_it_and_another_turn_does_not()
    {
        var otherTurn = Task.Run(async () =>
        {
            using var turn = credentials.Begin();
            await Task.Delay(50);
            return credentials.Find(Alex);
        });

        using (credentials.Begin())
        {
            credentials.Remember(Alex, Read);
            var seen = await Task.Run(async () =>
            {
                await Task.Yield();
                return credentials.Find(Alex);
            });

            Assert.Same(Read, seen);
        }

        Assert.Null(await otherTurn);
    }

    [Fact]
    public void Forgetting_makes_the_next_call_read_the_store_and_a_nested_begin_keeps_the_turns_memo()
    {
        using (credentials.Begin())
        {
            credentials.Remember(Alex, Read);
            using (credentials.Begin())
            {
                Assert.Same(Read, credentials.Find(Alex));
            }

            Assert.Same(Read, credentials.Find(Alex));
            credentials.Forget(Megan);
            Assert.Same(Read, credentials.Find(Alex));
            credentials.Forget(Alex);
            Assert.Null(credentials.Find(Alex));
        }
    }

    [Fact]
    public async Task Work_the_turn_left_running_does_not_use_its_credential_after_it()
    {
        var turnOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<IntegrifyCredential?> leftRunning;
        using (credentials.Begin())
        {
            credentials.Remember(Alex, Read);
            leftRunning = Task.Run(async () =>
            {
                await turnOver.Task;
                return credentials.Find(Alex);
            });
        }

        turnOver.SetResult();

        Assert.Null(await leftRunning);
    }
}
