/** The start-up baseline for scripts/bench: a plain JVM that prints hello and exits. */
public class Hello {
    /** Prints hello. */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
