SELECT g, cohort, count(*) AS users, count_if(coalesce(list_contains(returns, cohort + 0), FALSE)) AS retained0, count_if(coalesce(list_contains(returns, cohort + 7), FALSE)) AS retained1, count_if(coalesce(list_contains(returns, cohort + 14), FALSE)) AS retained2
FROM (SELECT cohort, initial_groups[coalesce(list_position(initial_periods, cohort), 0)] AS g, returns
FROM (SELECT unnest(list_distinct(initial_periods)) AS cohort, initial_periods, initial_groups, returns
FROM (SELECT user_id, coalesce(list(DISTINCT (((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) - (((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) + 3) % 7)) FILTER (WHERE ((event IN ('Invest') AND (1 = 1)) AND time_ms >= 1772427600000)), []) AS returns, coalesce(list((((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) - (((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) + 3) % 7) ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND coalesce(("$os" = 'iOS'), FALSE)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)), []) AS initial_periods, coalesce(list("$os" ORDER BY time_ms, insert_id) FILTER (WHERE ((event IN ('View') AND coalesce(("$os" = 'iOS'), FALSE)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)), []) AS initial_groups
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772427600000 AND time_ms < 1774843200000 AND (1 = 1) AND event IN ('Invest', 'View')) AS e
GROUP BY user_id
HAVING count_if(((event IN ('View') AND coalesce(("$os" = 'iOS'), FALSE)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)) > 0) AS u) AS c) AS r
GROUP BY g, cohort
