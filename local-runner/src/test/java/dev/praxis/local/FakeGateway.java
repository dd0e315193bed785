package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the gateway's dev login and GraphQL mutations that enforces the rules the real
 * command side enforces (title length, tags, no votes on one's own post, one vote per member and
 * post, only the asker accepts), so the demo seed is checked against them without the services.
 */
final class FakeGateway implements AutoCloseable {

    private static final Pattern MUTATION = Pattern.compile(
            "\\b(createCommunity|joinCommunity|changeMemberRole|askQuestion|postAnswer|vote|acceptAnswer|endorseAnswer)\\(");
    private static final Pattern DIRECTION = Pattern.compile("direction:\\s*(UP|DOWN)");
    private static final Pattern TAG = Pattern.compile("[a-z0-9+#][a-z0-9+#.\\-]{0,34}");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;

    final List<String> tokensIssued = new ArrayList<>();
    final List<String> mutations = new ArrayList<>();
    final List<String> votes = new ArrayList<>();
    private final Map<String, Set<String>> communityMembers = new HashMap<>();
    /** The owners and moderators of each community, by member id. */
    private final Map<String, Set<String>> communityStaff = new HashMap<>();
    private final Map<String, String> communityOf = new HashMap<>();
    /** "member community" for each community's owner, its creator. */
    private final Set<String> owners = new HashSet<>();
    private final Map<String, String> authorOf = new HashMap<>();
    private final Map<String, String> questionOfAnswer = new HashMap<>();
    private final Set<String> votedOn = new HashSet<>();
    private int nextId;

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dev/token", this::token);
        server.createContext("/graphql", this::graphql);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return tokensIssued.size() + mutations.size();
    }

    private synchronized void token(HttpExchange exchange) throws IOException {
        String memberId = json.readTree(exchange.getRequestBody()).path("memberId").asText();
        tokensIssued.add(memberId);
        respond(exchange, json.createObjectNode().put("token", "token-of-" + memberId).put("memberId", memberId));
    }

    private synchronized void graphql(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody());
        String query = request.path("query").asText();
        JsonNode variables = request.path("variables");
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher mutation = MUTATION.matcher(query);
        if (!auth.startsWith("Bearer token-of-") || !mutation.find()) {
            respond(exchange, error("UNAUTHORIZED", "no token or unknown operation"));
            return;
        }
        String member = auth.substring("Bearer token-of-".length());
        String name = mutation.group(1);
        mutations.add(name);
        String refusal = refusal(name, member, query, variables);
        if (refusal != null) {
            respond(exchange, error("BAD_REQUEST", name + " by " + member + ": " + refusal));
            return;
        }
        String id = apply(name, member, query, variables);
        String field = switch (name) {
            case "createCommunity", "joinCommunity" -> "community";
            case "changeMemberRole" -> "member";
            case "askQuestion", "vote" -> "question";
            default -> "answer";
        };
        ObjectNode data = json.createObjectNode();
        data.putObject(name).putObject(field).put("id", id);
        if (name.equals("joinCommunity")) {
            ((ObjectNode) data.get(name)).putObject("member").put("id", memberId(member));
        }
        respond(exchange, json.createObjectNode().set("data", data));
    }

    private String refusal(String name, String member, String query, JsonNode variables) {
        switch (name) {
            case "joinCommunity" -> {
                Set<String> members = communityMembers.get(variables.path("communityId").asText());
                if (members == null) {
                    return "no such community";
                }
                if (members.contains(member)) {
                    return "already a member";
                }
            }
            case "changeMemberRole" -> {
                String community = variables.path("communityId").asText();
                Set<String> members = communityMembers.get(community);
                if (members == null) {
                    return "no such community";
                }
                if (!members.contains(memberOf(variables.path("memberId").asText()))) {
                    return "not a member of the community";
                }
                if (!owners.contains(member + " " + community)) {
                    return "only the owner changes roles";
                }
            }
            case "askQuestion" -> {
                Set<String> members = communityMembers.get(variables.path("communityId").asText());
                int title = variables.path("title").asText().length();
                if (members == null || !members.contains(member)) {
                    return "not a member of the community";
                }
                if (title < 10 || title > 150) {
                    return "title must have 10 to 150 characters";
                }
                if (variables.path("tags").size() > 5) {
                    return "at most 5 tags";
                }
                for (JsonNode tag : variables.path("tags")) {
                    if (!TAG.matcher(tag.asText()).matches()) {
                        return "bad tag " + tag;
                    }
                }
            }
            case "postAnswer" -> {
                if (!authorOf.containsKey(variables.path("questionId").asText())) {
                    return "no such question";
                }
            }
            case "vote" -> {
                String post = variables.path("postId").asText();
                if (!authorOf.containsKey(post)) {
                    return "no such post";
                }
                if (authorOf.get(post).equals(member)) {
                    return "cannot vote on one's own post";
                }
                if (!votedOn.add(member + " " + post)) {
                    return "already voted on " + post;
                }
                if (!DIRECTION.matcher(query).find()) {
                    return "no direction";
                }
            }
            case "acceptAnswer" -> {
                String question = questionOfAnswer.get(variables.path("answerId").asText());
                if (question == null) {
                    return "no such answer";
                }
                if (!authorOf.get(question).equals(member)) {
                    return "only the asker accepts";
                }
            }
            case "endorseAnswer" -> {
                String answer = variables.path("answerId").asText();
                if (!questionOfAnswer.containsKey(answer)) {
                    return "no such answer";
                }
                if (authorOf.get(answer).equals(member)) {
                    return "cannot endorse one's own answer";
                }
                // no expertise here (a tag score of ten takes ten votes): owners and moderators only
                if (!communityStaff.get(communityOf.get(questionOfAnswer.get(answer))).contains(member)) {
                    return "only moderators and experts in the question's tags endorse";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private String apply(String name, String member, String query, JsonNode variables) {
        switch (name) {
            case "createCommunity" -> {
                String id = opaque("Community");
                communityMembers.put(id, new HashSet<>(Set.of(member)));
                communityStaff.put(id, new HashSet<>(Set.of(member)));
                owners.add(member + " " + id);
                return id;
            }
            case "joinCommunity" -> {
                String id = variables.path("communityId").asText();
                communityMembers.get(id).add(member);
                return id;
            }
            case "changeMemberRole" -> {
                communityStaff.get(variables.path("communityId").asText()).add(memberOf(variables.path("memberId").asText()));
                return variables.path("memberId").asText();
            }
            case "askQuestion" -> {
                String id = opaque("Question");
                authorOf.put(id, member);
                communityOf.put(id, variables.path("communityId").asText());
                return id;
            }
            case "postAnswer" -> {
                String id = opaque("Answer");
                authorOf.put(id, member);
                questionOfAnswer.put(id, variables.path("questionId").asText());
                return id;
            }
            case "vote" -> {
                Matcher direction = DIRECTION.matcher(query);
                direction.find();
                votes.add(direction.group(1));
                String post = variables.path("postId").asText();
                return questionOfAnswer.getOrDefault(post, post);
            }
            default -> {
                return variables.path("answerId").asText();
            }
        }
    }

    /** A member's global id as the real gateway makes it. */
    private static String memberId(String member) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("Member:" + member).getBytes(StandardCharsets.UTF_8));
    }

    private static String memberOf(String globalId) {
        return new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8).substring("Member:".length());
    }

    /** Ids as the real gateway makes them: opaque, not the aggregate's UUID. */
    private String opaque(String type) {
        return Base64.getEncoder().encodeToString((type + ":" + (++nextId)).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode error(String classification, String message) {
        ObjectNode answer = json.createObjectNode();
        ObjectNode error = answer.putArray("errors").addObject();
        error.put("message", message);
        error.putObject("extensions").put("classification", classification);
        answer.putNull("data");
        return answer;
    }

    private void respond(HttpExchange exchange, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
