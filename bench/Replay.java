import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import dev.switchboard.learning.Algorithms;
import dev.switchboard.learning.Choice;
import dev.switchboard.learning.PolicyModel;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.learning.encoding.TextSummary;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline replay of real routing data (RouterBench, RouteLLM, MMLU-Pro) through Switchboard's learning core, in
 * process, or through the HTTP API of a running service with --http. One online pass in a fixed shuffled order: each
 * prompt is routed, the chosen model's recorded outcome is the reward, and the policy learns from it before the next
 * prompt. Run it with bench/replay (see the README).
 */
public final class Replay {

    /** One prompt with every model's recorded outcome. */
    record Query(String id, String group, String prompt, Map<String, Double> correct, Map<String, Double> cost) {
    }

    /** A dataset ready to replay: the queries, the models, and each model's price per call. */
    record Dataset(String name, String groupKey, List<Query> queries, List<String> models, Map<String, Double> price,
            String costNote) {
    }

    /**
     * What one routing run got, over the whole pass and over each tenth of it in order ({@link #TENTHS}): how the
     * learner's accuracy and cost moved as it learned.
     */
    record Result(double accuracy, double costPerThousand, Map<String, Double> share, double[] tenthAccuracy,
            double[] tenthCostPerThousand) {
    }

    static final int TENTHS = 10;
    /** How many random halvings the reference learned on one half of the prompts and scored on the other averages. */
    static final int HALVINGS = 20;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Map<String, Object> params = params(options.getOrDefault("params", ""));
        Path data = Path.of(options.getOrDefault("data", "../shared/data"));
        String name = options.getOrDefault("dataset", "routerbench");
        Dataset dataset = switch (name) {
            case "routerbench" -> routerBench(data.resolve("routerbench"));
            case "routellm-mmlu" -> routeLlm(data.resolve("routellm"), "mmlu");
            case "routellm-gsm8k" -> routeLlm(data.resolve("routellm"), "gsm8k");
            case "mmlu-pro" -> mmluPro(data.resolve("mmlu-pro"));
            default -> throw new IllegalArgumentException("unknown dataset " + name
                    + "; known: routerbench, routellm-mmlu, routellm-gsm8k, mmlu-pro");
        };
        String algorithm = options.getOrDefault("algorithm", "linucb");
        boolean text = options.containsKey("text");
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
        String http = options.get("http");
        boolean each = options.containsKey("each");
        List<Double> weights = new ArrayList<>();
        for (String w : options.getOrDefault("weights", "0,0.05,0.1,0.15,0.2,0.3,0.5").split(",")) {
            weights.add(Double.parseDouble(w));
        }
        List<Query> order = new ArrayList<>(dataset.queries());
        Collections.shuffle(order, new Random(seed));

        System.out.printf("%s: %d prompts, %d models, context {%s%s}; one online pass per run, %d run%s in orders "
                + "shuffled with seeds %d to %d, averaged%n", dataset.name(), order.size(), dataset.models().size(),
                dataset.groupKey(), text ? ", text" : "", runs, runs == 1 ? "" : "s", seed, seed + runs - 1);
        System.out.println("cost: " + dataset.costNote());
        System.out.println();
        System.out.println("Every single model, and the best in hindsight:");
        String reference = dataset.models().get(0);
        Result referenceResult = fixed(order, q -> reference);
        for (String model : dataset.models()) {
            print(model, fixed(order, q -> model), referenceResult, reference);
        }
        Map<String, String> bestPerGroup = bestPerGroup(order, dataset.models());
        print("per-" + dataset.groupKey() + " best in hindsight", fixed(order, q -> bestPerGroup.get(q.group())),
                referenceResult, reference);
        print("per-prompt oracle (cheapest correct)", fixed(order, q -> oracle(q, dataset.models())), referenceResult,
                reference);
        System.out.println();
        System.out.printf("Switchboard %s %s, online, exploration included%s:%n", algorithm, params,
                http == null ? " (in process)" : " (over HTTP at " + http + ")");
        for (double weight : weights) {
            Map<String, Object> withWeight = new TreeMap<>(params);
            withWeight.put("costWeight", weight);
            List<Result> results = new ArrayList<>();
            for (long run = seed; run < seed + runs; run++) {
                List<Query> shuffled = new ArrayList<>(dataset.queries());
                Collections.shuffle(shuffled, new Random(run));
                results.add(http == null ? inProcess(dataset, shuffled, algorithm, withWeight, text, run)
                        : overHttp(dataset, shuffled, algorithm, withWeight, text, http));
            }
            Result result = average(results);
            String label = "costWeight " + BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
            print(label, result, referenceResult, reference);
            if (runs > 1) {
                printSpread(results, referenceResult);
            }
            printTenths(result, referenceResult);
            if (each) {
                for (int i = 0; i < results.size(); i++) {
                    print("  order " + (seed + i), results.get(i), referenceResult, reference);
                }
            }
            Map<String, String> bestNet = bestPerGroup(order, dataset.models(), dataset.price(), weight);
            print("  per-" + dataset.groupKey() + " best in hindsight, same λ", fixed(order,
                    q -> bestNet.get(q.group())), referenceResult, reference);
            print("  per-" + dataset.groupKey() + " best of the other half", bestOfOtherHalf(dataset, weight),
                    referenceResult, reference);
        }
    }

    // ---- routing runs -------------------------------------------------------------------------------------------

    private static Result fixed(List<Query> order, java.util.function.Function<Query, String> route) {
        Tally tally = new Tally(order.size());
        for (Query q : order) {
            tally.add(q, route.apply(q));
        }
        return tally.result();
    }

    /**
     * What knowing every model's outcome on half of the prompts is worth: each group's best model by the same reward −
     * λ·cost, chosen on one half and scored on the other (both ways round), over {@value #HALVINGS} random halvings.
     * Unlike the best in hindsight, it is not scored on the outcomes it was chosen by, so it is a reference an online
     * learner could approach, given that much information for free.
     */
    private static Result bestOfOtherHalf(Dataset dataset, double costWeight) {
        List<Result> results = new ArrayList<>();
        for (int halving = 0; halving < HALVINGS; halving++) {
            List<Query> shuffled = new ArrayList<>(dataset.queries());
            Collections.shuffle(shuffled, new Random(halving));
            List<Query> first = shuffled.subList(0, shuffled.size() / 2);
            List<Query> second = shuffled.subList(shuffled.size() / 2, shuffled.size());
            for (int way = 0; way < 2; way++) {
                List<Query> chooseOn = way == 0 ? first : second;
                List<Query> scoreOn = way == 0 ? second : first;
                Map<String, String> best = bestPerGroup(chooseOn, dataset.models(), dataset.price(), costWeight);
                results.add(fixed(scoreOn, q -> best.getOrDefault(q.group(), dataset.models().get(0))));
            }
        }
        return average(results);
    }

    private static Result inProcess(Dataset dataset, List<Query> order, String algorithm, Map<String, Object> params,
            boolean text, long seed) {
        List<String> models = dataset.models();
        PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, params),
                models.size());
        double[] prices = new double[models.size()];
        int[] all = new int[models.size()];
        for (int a = 0; a < all.length; a++) {
            all[a] = a;
            prices[a] = dataset.price().get(models.get(a));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Tally tally = new Tally(order.size());
        for (Query q : order) {
            Context context = Context.of(Map.of(dataset.groupKey(), q.group()), Map.of(),
                    text ? TextSummary.of(q.prompt()) : null);
            Choice choice = model.choose(context, all, prices, rng);
            String chosen = models.get(choice.arm());
            tally.add(q, chosen);
            model.learn(choice.arm(), context, q.correct().get(chosen));
        }
        return tally.result();
    }

    private static Result overHttp(Dataset dataset, List<Query> order, String algorithm, Map<String, Object> params,
            boolean text, String base) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String policy = "replay-" + dataset.name() + "-" + System.nanoTime();
        StringBuilder arms = new StringBuilder();
        for (String model : dataset.models()) {
            arms.append(arms.length() == 0 ? "" : ",").append("{\"id\":").append(json(model)).append(",\"cost\":")
                    .append(dataset.price().get(model)).append('}');
        }
        send(client, "PUT", base + "/policies/" + policy, "{\"algorithm\":" + json(algorithm) + ",\"arms\":[" + arms
                + "],\"params\":" + jsonObject(params) + "}");
        Pattern decision = Pattern.compile("\"decisionId\"\\s*:\\s*\"([^\"]+)\".*?\"arm\"\\s*:\\s*\"([^\"]+)\"");
        Tally tally = new Tally(order.size());
        try {
            for (Query q : order) {
                String context = "{" + json(dataset.groupKey()) + ":" + json(q.group())
                        + (text ? ",\"text\":" + json(q.prompt()) : "") + "}";
                String answer = send(client, "POST", base + "/select",
                        "{\"policy\":" + json(policy) + ",\"context\":" + context + "}");
                Matcher m = decision.matcher(answer);
                if (!m.find()) {
                    throw new IllegalStateException("unexpected /select answer: " + answer);
                }
                String chosen = m.group(2);
                tally.add(q, chosen);
                send(client, "POST", base + "/feedback", "{\"decisionId\":" + json(m.group(1)) + ",\"reward\":"
                        + q.correct().get(chosen) + "}");
            }
        } finally {
            send(client, "DELETE", base + "/policies/" + policy, null);
        }
        return tally.result();
    }

    private static Result average(List<Result> results) {
        Map<String, Double> share = new TreeMap<>();
        double[] tenthAccuracy = new double[TENTHS];
        double[] tenthCost = new double[TENTHS];
        for (Result r : results) {
            r.share().forEach((model, s) -> share.merge(model, s / results.size(), Double::sum));
            for (int t = 0; t < TENTHS; t++) {
                tenthAccuracy[t] += r.tenthAccuracy()[t] / results.size();
                tenthCost[t] += r.tenthCostPerThousand()[t] / results.size();
            }
        }
        return new Result(results.stream().mapToDouble(Result::accuracy).average().orElseThrow(),
                results.stream().mapToDouble(Result::costPerThousand).average().orElseThrow(), share, tenthAccuracy,
                tenthCost);
    }

    private static String send(HttpClient client, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String jsonObject(Map<String, Object> params) {
        StringBuilder out = new StringBuilder("{");
        params.forEach((name, value) -> out.append(out.length() == 1 ? "" : ",").append(json(name)).append(':')
                .append(value));
        return out.append('}').toString();
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Accuracy, cost and the share of calls to each model over a run of {@code n} prompts, and over each tenth. */
    private static final class Tally {

        private final int n;
        private int seen;
        private final double[] tenthCorrect = new double[TENTHS];
        private final double[] tenthCost = new double[TENTHS];
        private final int[] tenthSize = new int[TENTHS];
        private final Map<String, Integer> calls = new TreeMap<>();

        Tally(int n) {
            this.n = n;
        }

        void add(Query q, String model) {
            int tenth = (int) ((long) seen++ * TENTHS / n);
            tenthCorrect[tenth] += q.correct().get(model);
            tenthCost[tenth] += q.cost().get(model);
            tenthSize[tenth]++;
            calls.merge(model, 1, Integer::sum);
        }

        Result result() {
            Map<String, Double> share = new TreeMap<>();
            calls.forEach((model, count) -> share.put(model, (double) count / n));
            double correct = 0;
            double cost = 0;
            double[] tenthAccuracy = new double[TENTHS];
            double[] tenthCostPerThousand = new double[TENTHS];
            for (int t = 0; t < TENTHS; t++) {
                correct += tenthCorrect[t];
                cost += tenthCost[t];
                tenthAccuracy[t] = tenthCorrect[t] / Math.max(1, tenthSize[t]);
                tenthCostPerThousand[t] = 1000 * tenthCost[t] / Math.max(1, tenthSize[t]);
            }
            return new Result(correct / n, 1000 * cost / n, share, tenthAccuracy, tenthCostPerThousand);
        }
    }

    private static void print(String label, Result r, Result reference, String referenceName) {
        StringBuilder shares = new StringBuilder();
        r.share().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                .forEach(e -> shares.append(String.format(" %s %.1f%%", shortName(e.getKey()), 100 * e.getValue())));
        System.out.printf("  %-40s accuracy %.4f (%5.1f%% of %s)  cost/1000 %8.4f (%5.1f%%)  calls:%s%n", label,
                r.accuracy(), 100 * r.accuracy() / reference.accuracy(), shortName(referenceName),
                r.costPerThousand(), 100 * r.costPerThousand() / reference.costPerThousand(), shares);
    }

    /** How far the orders of one sweep point lie apart: the luck of the order, which an average hides. */
    private static void printSpread(List<Result> results, Result reference) {
        DoubleSummaryStatistics accuracy = results.stream()
                .mapToDouble(r -> 100 * r.accuracy() / reference.accuracy()).summaryStatistics();
        DoubleSummaryStatistics cost = results.stream()
                .mapToDouble(r -> 100 * r.costPerThousand() / reference.costPerThousand()).summaryStatistics();
        System.out.printf("  %-40s accuracy %.1f%% to %.1f%%, cost %.1f%% to %.1f%% over the %d orders%n", "",
                accuracy.getMin(), accuracy.getMax(), cost.getMin(), cost.getMax(), results.size());
    }

    /** The learning curve: accuracy and cost over each tenth of the pass, in order, as shares of the reference's. */
    private static void printTenths(Result r, Result reference) {
        StringBuilder accuracy = new StringBuilder();
        StringBuilder cost = new StringBuilder();
        for (int t = 0; t < TENTHS; t++) {
            accuracy.append(String.format(" %.1f", 100 * r.tenthAccuracy()[t] / reference.accuracy()));
            cost.append(String.format(" %.1f", 100 * r.tenthCostPerThousand()[t] / reference.costPerThousand()));
        }
        System.out.printf("  %-40s accuracy%s%n  %-40s cost    %s%n", "each tenth of the pass, in order (%):", accuracy,
                "", cost);
    }

    private static String shortName(String model) {
        return model.substring(model.lastIndexOf('/') + 1);
    }

    private static Map<String, String> bestPerGroup(List<Query> order, List<String> models) {
        return bestPerGroup(order, models, Map.of(), 0);
    }

    /**
     * Each group's model with the highest mean of what the learner maximises at this cost weight: correct − λ·price /
     * the highest price.
     */
    private static Map<String, String> bestPerGroup(List<Query> order, List<String> models, Map<String, Double> price,
            double costWeight) {
        double maxPrice = price.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Map<String, Double>> sums = new HashMap<>();
        for (Query q : order) {
            for (String m : models) {
                double penalty = costWeight == 0 || maxPrice == 0 ? 0 : costWeight * price.get(m) / maxPrice;
                sums.computeIfAbsent(q.group(), g -> new HashMap<>()).merge(m, q.correct().get(m) - penalty,
                        Double::sum);
            }
        }
        Map<String, String> best = new HashMap<>();
        sums.forEach((group, byModel) -> best.put(group, byModel.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return best;
    }

    private static String oracle(Query q, List<String> models) {
        String best = models.get(0);
        for (String m : models) {
            double c = q.correct().get(m);
            double b = q.correct().get(best);
            if (c > b || (c == b && q.cost().get(m) < q.cost().get(best))) {
                best = m;
            }
        }
        return best;
    }

    // ---- datasets -----------------------------------------------------------------------------------------------

    /** RouterBench: 11 models with their real per-query cost; the price of a model is its mean cost per query. */
    private static Dataset routerBench(Path dir) throws IOException {
        Map<String, String[]> prompts = new HashMap<>();
        for (String[] row : Csv.read(dir.resolve("prompts.csv"))) {
            prompts.put(row[0], row);
        }
        Map<String, Map<String, Double>> correct = new LinkedHashMap<>();
        Map<String, Map<String, Double>> cost = new HashMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (String[] row : Csv.read(dir.resolve("outcomes.csv"))) {
            models.add(row[1]);
            if (!row[2].isEmpty()) {
                correct.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[1], Double.parseDouble(row[2]));
                cost.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[1], Double.parseDouble(row[3]));
            }
        }
        List<Query> queries = new ArrayList<>();
        correct.forEach((id, byModel) -> {
            if (byModel.size() == models.size()) {
                String[] p = prompts.get(id);
                queries.add(new Query(id, p[1], p[3], byModel, cost.get(id)));
            }
        });
        Map<String, Double> price = new HashMap<>();
        for (String m : models) {
            price.put(m, queries.stream().mapToDouble(q -> q.cost().get(m)).average().orElseThrow());
        }
        List<String> ordered = new ArrayList<>(models);
        ordered.sort((a, b) -> a.startsWith("gpt-4") ? -1 : b.startsWith("gpt-4") ? 1 : a.compareTo(b));
        return new Dataset("routerbench", "task", queries, ordered, price,
                "USD per query as recorded; an arm's price is the model's mean cost per query");
    }

    /** RouteLLM: GPT-4 against Mixtral on one task, with the subject as context. No costs ship with it. */
    private static Dataset routeLlm(Path dir, String task) throws IOException {
        Map<String, String> prompts = new HashMap<>();
        for (String[] row : Csv.read(dir.resolve("prompts.csv"))) {
            prompts.put(row[0], row[3]);
        }
        Map<String, String> subject = new HashMap<>();
        Map<String, Map<String, Double>> correct = new LinkedHashMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (String[] row : Csv.read(dir.resolve("outcomes.csv"))) {
            if (row[1].equals(task)) {
                models.add(row[3]);
                subject.put(row[0], row[2]);
                correct.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[3], Double.parseDouble(row[4]));
            }
        }
        Map<String, Double> price = new HashMap<>();
        for (String m : models) {
            price.put(m, m.startsWith("gpt-4") ? 1.0 : 0.05);
        }
        List<Query> queries = new ArrayList<>();
        correct.forEach((id, byModel) -> {
            if (byModel.size() == models.size()) {
                queries.add(new Query(id, subject.get(id), prompts.get(id), byModel, price));
            }
        });
        List<String> ordered = new ArrayList<>(models);
        ordered.sort((a, b) -> a.startsWith("gpt-4") ? -1 : b.startsWith("gpt-4") ? 1 : a.compareTo(b));
        return new Dataset("routellm-" + task, "subject", queries, ordered, price,
                "none ships with the data; a price list of GPT-4 = 1 and Mixtral = 0.05 per call (roughly their "
                        + "list prices per token) is attached");
    }

    /**
     * MMLU-Pro: 32 models' answers to the same questions, with the category as context; only the questions every
     * model answered. No costs ship with it and none is attached: every call costs 1, so only the accuracy means
     * anything. The models are listed most accurate first, so the first is the best single model.
     */
    private static Dataset mmluPro(Path dir) throws IOException {
        List<String> header;
        try (var lines = Files.lines(dir.resolve("correct.csv"))) {
            header = List.of(lines.findFirst().orElseThrow().split(","));
        }
        List<String> models = header.subList(3, header.size());
        Map<String, String> questions = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            Map<?, ?> question = json.readValue(line, Map.class);
            questions.put(String.valueOf(question.get("question_id")), (String) question.get("question"));
        }
        Map<String, Double> price = new HashMap<>();
        models.forEach(m -> price.put(m, 1.0));
        List<Query> queries = new ArrayList<>();
        for (String[] row : Csv.read(dir.resolve("correct.csv"))) {
            Map<String, Double> correct = new HashMap<>();
            for (int i = 3; i < header.size(); i++) {
                if (!row[i].isEmpty()) {
                    correct.put(header.get(i), Double.parseDouble(row[i]));
                }
            }
            if (correct.size() == models.size()) {
                queries.add(new Query(row[0], row[1], questions.get(row[0]), correct, price));
            }
        }
        Map<String, Double> accuracy = new HashMap<>();
        models.forEach(m -> accuracy.put(m, queries.stream().mapToDouble(q -> q.correct().get(m)).sum()));
        List<String> ordered = new ArrayList<>(models);
        ordered.sort((a, b) -> Double.compare(accuracy.get(b), accuracy.get(a)));
        return new Dataset("mmlu-pro", "category", queries, ordered, price,
                "none ships with the data and none is attached: every call costs 1, so costWeight changes nothing");
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, quotes and newlines. */
    static final class Csv {

        static List<String[]> read(Path file) throws IOException {
            List<String[]> rows = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(file)) {
                List<String> row = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean header = true;
                int c;
                while ((c = in.read()) != -1) {
                    char ch = (char) c;
                    if (quoted) {
                        if (ch == '"') {
                            in.mark(1);
                            int next = in.read();
                            if (next == '"') {
                                field.append('"');
                            } else {
                                quoted = false;
                                if (next != -1) {
                                    in.reset();
                                }
                            }
                        } else {
                            field.append(ch);
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        row.add(field.toString());
                        field.setLength(0);
                    } else if (ch == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        if (!header) {
                            rows.add(row.toArray(new String[0]));
                        }
                        header = false;
                        row = new ArrayList<>();
                    } else if (ch != '\r') {
                        field.append(ch);
                    }
                }
                if (field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row.toArray(new String[0]));
                }
            }
            return rows;
        }
    }

    /** {@code name:value;name:value} with numeric values, e.g. {@code alpha:1;drift:0}. */
    private static Map<String, Object> params(String spec) {
        Map<String, Object> params = new TreeMap<>();
        for (String pair : spec.split(";")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split(":", 2);
                params.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            }
        }
        return params;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return options;
    }
}
