SELECT user_id
FROM (SELECT user_id, list_max(levels) AS level, chains[coalesce(list_position(levels, list_max(levels)), 0)] AS chain, step1_groups[coalesce(list_position(levels, list_max(levels)), 0)] AS g
FROM (SELECT user_id, step1_groups, chains, list_transform(chains, lambda c: len(list_filter(c, lambda y: y > 0))) AS levels
FROM (SELECT user_id, step1_groups, list_transform(chains, lambda c: list_append(c, coalesce(list_filter(s3, lambda y: c[2] > 0 AND y >= c[2] AND y <= c[1] + 3600000)[1], 0))) AS chains
FROM (SELECT user_id, step1_groups, list_transform(chains, lambda c: list_append(c, coalesce(list_filter(s2, lambda y: c[1] > 0 AND y >= c[1] AND y <= c[1] + 3600000)[1], 0))) AS chains, s3
FROM (SELECT user_id, step1_groups, list_transform(s1, lambda x: [x]) AS chains, s2, s3
FROM (SELECT user_id, coalesce(list(time_ms ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)), []) AS s1, coalesce(list("amount" ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)), []) AS step1_groups, coalesce(list(time_ms ORDER BY time_ms) FILTER (WHERE (event IN ('Register') AND coalesce(("$os" = 'iOS'), FALSE))), []) AS s2, coalesce(list(time_ms ORDER BY time_ms) FILTER (WHERE (event IN ('Invest') AND coalesce(("amount" >= CAST('100' AS DECIMAL(38, 8))), FALSE))), []) AS s3
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "amount"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772812800000 AND time_ms < 1773075600000 AND (1 = 1) AND event IN ('Invest', 'Register', 'View')) AS e
GROUP BY user_id
HAVING count_if(((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)) > 0) AS u) AS u) AS u) AS u) AS u) AS f
WHERE level = 2 AND (g = CAST('100' AS DECIMAL(38, 8))) AND user_id > 'u7' ORDER BY user_id LIMIT 101;
SELECT count(*) AS users
FROM (SELECT user_id
FROM (SELECT user_id, list_max(levels) AS level, chains[coalesce(list_position(levels, list_max(levels)), 0)] AS chain, step1_groups[coalesce(list_position(levels, list_max(levels)), 0)] AS g
FROM (SELECT user_id, step1_groups, chains, list_transform(chains, lambda c: len(list_filter(c, lambda y: y > 0))) AS levels
FROM (SELECT user_id, step1_groups, list_transform(chains, lambda c: list_append(c, coalesce(list_filter(s3, lambda y: c[2] > 0 AND y >= c[2] AND y <= c[1] + 3600000)[1], 0))) AS chains
FROM (SELECT user_id, step1_groups, list_transform(chains, lambda c: list_append(c, coalesce(list_filter(s2, lambda y: c[1] > 0 AND y >= c[1] AND y <= c[1] + 3600000)[1], 0))) AS chains, s3
FROM (SELECT user_id, step1_groups, list_transform(s1, lambda x: [x]) AS chains, s2, s3
FROM (SELECT user_id, coalesce(list(time_ms ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)), []) AS s1, coalesce(list("amount" ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)), []) AS step1_groups, coalesce(list(time_ms ORDER BY time_ms) FILTER (WHERE (event IN ('Register') AND coalesce(("$os" = 'iOS'), FALSE))), []) AS s2, coalesce(list(time_ms ORDER BY time_ms) FILTER (WHERE (event IN ('Invest') AND coalesce(("amount" >= CAST('100' AS DECIMAL(38, 8))), FALSE))), []) AS s3
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "amount"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772812800000 AND time_ms < 1773075600000 AND (1 = 1) AND event IN ('Invest', 'Register', 'View')) AS e
GROUP BY user_id
HAVING count_if(((event IN ('View') AND (1 = 1)) AND time_ms < 1773072000000)) > 0) AS u) AS u) AS u) AS u) AS u) AS f
WHERE level = 2 AND (g = CAST('100' AS DECIMAL(38, 8)))) AS m;
