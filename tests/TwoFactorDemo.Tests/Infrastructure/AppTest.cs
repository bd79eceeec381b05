namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>A test class with its own app (and so its own database and clock) and the stories that drive it.</summary>
public abstract class AppTest : IDisposable
{
    protected AppTest() => Stories = new UserStories(App);

    protected TestApp App { get; } = new();

    protected UserStories Stories { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
