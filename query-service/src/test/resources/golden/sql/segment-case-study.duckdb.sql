SELECT user_id
FROM (SELECT user_id, count_if((event IN ('SignUp') AND coalesce(("$os" = 'iOS'), FALSE))) AS c0, min(time_ms) FILTER (WHERE (event IN ('SignUp') AND coalesce(("$os" = 'iOS'), FALSE))) AS c1, count_if(((event IN ('$AppViewScreen') AND coalesce(("$url" = 'credit_report'), FALSE)) AND time_ms >= 1483200000000 AND time_ms < 1487088000000)) AS c2, count_if(((event IN ('Invest') AND (1 = 1)) AND ("amount" IS NOT NULL))) AS c3, coalesce(sum("amount") FILTER (WHERE ((event IN ('Invest') AND (1 = 1)) AND ("amount" IS NOT NULL))), 0) AS c4
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "$url", "amount"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE (1 = 1)) AS e
GROUP BY user_id) AS per_user
WHERE ((c0 > 0 AND coalesce((c1 >= 1483200000000 AND c1 < 1485878400000), FALSE)) AND (c2 >= 1) AND (NOT (c3 > 0 AND coalesce((c4 > CAST('0' AS DECIMAL(38, 8))), FALSE))));
